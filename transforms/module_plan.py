"""setUpModule and tearDownModule: one module-scoped fixture per module, or a refusal.

What it does: ``ModulePlanning.plan_module`` turns a module's lifecycle functions into the
plan of one ``autouse`` module fixture (temporary paths and cleanups included), after
checking their bodies like a class's and that nothing else reads or imports them.
Why: module functions have no hierarchy, so they need none of the class planning; they share
its body checks and temporary-path planning.
Example: ``def setUpModule(): ...`` becomes ``@pytest.fixture(scope="module", autouse=True)
def _module_setup(): ...``.
Refuses when: a function is also bound otherwise (MF103), calls super() (MF106), is read
elsewhere (MF110), or module cleanups are registered outside it (MF112); or a body check.
"""

from __future__ import annotations

from pathlib import Path

from transforms.codes import Code, Refusal
from transforms.facts import BodyFacts
from transforms.index import ModuleInfo
from transforms.lineage_checks import LineageChecks
from transforms.module_scan import module_cleanup_api
from transforms.names import fresh
from transforms.plan_types import LevelPlan
from transforms.refused import Refused as _Refused
from transforms.unittest_api import MODULE_LEVEL


class ModulePlanning(LineageChecks):
    """The module-level part of ``transforms.plan.Planner``."""

    # Set by ``Planner``: (resolved path, class name or "" for the module) -> why verify
    # withheld it.
    withheld: dict[tuple[str, str], str]

    def plan_module(self, module: ModuleInfo) -> tuple[LevelPlan | None, list[Refusal]]:
        setup, teardown = (module.functions.get(n) for n in MODULE_LEVEL)
        if setup is None and teardown is None:
            if module.bound_otherwise:
                return None, [
                    Refusal(Code.NOT_A_FUNCTION, module.path, 1, None, "setUpModule is assigned")
                ]
            return None, []
        try:
            return self._decide_module(module, setup, teardown), []
        except _Refused as refused:
            return None, [Refusal(refused.code, module.path, refused.line, None, refused.message)]

    def _check_module_references(self, module: ModuleInfo, line: int) -> None:
        """``setUpModule`` read in its own module, or imported or read by another one."""
        if module.module_refs:
            raise _Refused(
                Code.REFERENCED, module.module_refs[0], "module lifecycle function referenced"
            )
        for other in self.modules.values():
            for ref in other.module_lifecycle_refs:
                if other is not module and self.canonical(ref.target) == module.module:
                    where = f"{other.path}:{ref.line}" if ref.line else other.path
                    raise _Refused(Code.REFERENCED, line, f"{ref.attr} used in {where}")

    def _decide_module(
        self, module: ModuleInfo, setup: BodyFacts | None, teardown: BodyFacts | None
    ) -> LevelPlan:
        line = (setup or teardown).line  # type: ignore[union-attr]
        path = resolved_path(module.path)
        why = self.withheld.get((path, "")) or self.withheld.get((path, "*"))
        if why is not None:
            raise _Refused(Code.VERIFY_CHANGED, line, why)
        if module.bound_otherwise:
            raise _Refused(Code.NOT_A_FUNCTION, line, "module lifecycle also bound by assignment")
        for facts, is_setup in ((setup, True), (teardown, False)):
            if facts:
                self._check_body(facts, "module", setup=is_setup)
                if facts.super_calls:
                    raise _Refused(Code.SUPER_POSITION, facts.line, "super() in a module function")
        self._check_module_references(module, line)
        if module.module_cleanup_users:
            raise _Refused(
                Code.CLEANUP_ORDER,
                module.module_cleanup_users[0],
                "module cleanups registered elsewhere",
            )
        hoist = self._check_merge(setup, teardown)
        bodies = [b for b in (setup, teardown) if b]
        names = set(module.top_names).union(*(b.all_names for b in bodies))
        temp = self._temp_plan("module", setup, teardown, module)
        stack = None
        if sum(b.cleanup_calls for b in bodies) > temp.dropped_cleanups:
            stack = fresh("cleanups", names)
        api: dict[str, str] = {}
        if stack:
            api = module_cleanup_api(module.aliases)
        return LevelPlan(
            level="module",
            fixture=fresh("_module_setup", names),
            setup="setUpModule" if setup else None,
            teardown="tearDownModule" if teardown else None,
            param=None,
            requests=temp.requests,
            stack=stack,
            cleanup_api=api,
            hoist_globals=hoist,
            temp=temp.rewrites,
            dirs=temp.dirs,
            drops=temp.drops,
            temp_lines=temp.lines,
        )


def resolved_path(path: str) -> str:
    return str(Path(path).resolve())
