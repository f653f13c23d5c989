"""From a run's index to one ``FilePlan`` per module.

What it does: runs the ``Planner`` over every class of the run, then gathers, per module,
its fixtures, refusals (its classes' and the nested ones'), hazards, kept classes, skip marks
and how the rewritten module spells ``pytest`` and ``contextlib``.
Why: the planner decides classes; this module only assembles what each file's rewrite
reads, so that neither has to know the other's details.
Example: ``plan_run(infos)["tests/test_x.py"].classes["UserTests"]``.
Refuses when: never itself; the refusals come from the planner.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from transforms.codes import Code, Refusal
from transforms.hazard_plan import _hazards
from transforms.hierarchy import nested_key
from transforms.index import ModuleInfo
from transforms.names import fresh
from transforms.plan import Planner
from transforms.plan_types import FilePlan, KeptPlan, LevelPlan, Relay
from transforms.run_state import unittest_teardowns
from transforms.unittest_api import SKIP_NAMES


def plan_run(
    modules: Iterable[ModuleInfo],
    outside: Mapping[str, int] | None = None,
    module_aliases: Mapping[str, str] | None = None,
    withheld: Mapping[tuple[str, str], str] | None = None,
    python_classes: tuple[str, ...] = ("Test",),
) -> dict[str, FilePlan]:
    """Plan every module of a run; keyed by path. ``outside`` counts the quoted file names of
    the run's files that were not indexed (no class, no setup); ``python_classes`` is the
    project's pytest setting."""
    modules, kept_teardowns = unittest_teardowns(list(modules), module_aliases, python_classes)
    planner = Planner(modules, outside or {}, module_aliases, withheld, python_classes)
    planner.unittest_teardowns = frozenset(kept_teardowns)
    planner.plan_classes()
    # The planner's results grouped by module once: a scan per module is quadratic.
    refused: dict[str, list[Refusal]] = {}
    for (q, _), refusal in planner.refused.items():
        refused.setdefault(planner.classes[q].module, []).append(refusal)
    planned: dict[str, dict[str, tuple[LevelPlan, ...]]] = {}
    for (qualname, _level), plan in sorted(planner.planned.items()):
        info = planner.classes[qualname]
        own = planned.setdefault(info.module, {})
        own[info.name] = (*own.get(info.name, ()), plan)
    kept: dict[str, dict[str, KeptPlan]] = {}
    for q, kept_plan in planner.kept.items():
        kept.setdefault(planner.classes[q].module, {})[planner.classes[q].name] = kept_plan
    all_relays = _relays(planner)
    fixtures = {q for (q, level) in planner.planned if level == "function"}
    plans: dict[str, FilePlan] = {}
    for module in modules:
        refusals = [*refused.get(module.module, ()), *_nested_refusals(planner, module)]
        refusals += _teardown_refusals(module, kept_teardowns)
        module_plan, module_refusals = planner.plan_module(module)
        classes = dict(planned.get(module.module, {}))
        relays = all_relays.get(module.module, {})
        pytest_name, contextlib_name = generated_names(module, classes, module_plan, relays)
        classes = {
            name: tuple(
                replace(p, names=(pytest_name, contextlib_name), modules=module.module_spellings)
                for p in levels
            )
            for name, levels in classes.items()
        }
        if module_plan is not None:
            module_plan = replace(module_plan, names=(pytest_name, contextlib_name))
        plans[module.path] = FilePlan(
            path=module.path,
            classes=classes,
            module=module_plan,
            refusals=tuple(
                sorted(refusals + module_refusals, key=lambda r: (r.line, r.code.value))
            ),
            hazards=_hazards(module, classes, module_plan),
            skip_classes=_skip_classes(planner, module, fixtures),
            skip_spellings=_skip_spellings(module),
            pytest_name=pytest_name,
            contextlib_name=contextlib_name,
            temp_reads=module.temp_reads,
            relays=relays,
            call_sites=planner.call_sites(module),
            kept={
                name: replace(plan, modules=module.module_spellings)
                for name, plan in kept.get(module.module, {}).items()
            },
        )
    return plans


def generated_names(
    module: ModuleInfo,
    classes: Mapping[str, tuple[LevelPlan, ...]],
    module_plan: LevelPlan | None,
    relays: Mapping[str, tuple[Relay, ...]] | None = None,
) -> tuple[str, str]:
    """How the rewritten module spells ``pytest`` and ``contextlib``: the plain module names,
    or a fresh alias (``import pytest as pytest_``) when the module binds the name to
    something else, a converted class binds it in its body (decorators read class scope),
    or a converted body binds it as a local (the fixture reads ``contextlib`` before it)."""
    written = {*classes, *(relays or {})}
    infos = [c for c in module.classes if c.name in written and c.module_level]
    class_attrs = set().union(*(c.attrs for c in infos))
    locals_: set[str] = set()
    for info in infos:
        for facts in info.methods.values():
            locals_ |= facts.assigned
    for facts in module.functions.values():
        locals_ |= facts.assigned
    taken = set(module.top_names) | class_attrs | locals_
    for info in infos:
        for facts in info.methods.values():
            taken |= facts.all_names
    pytest_name = "pytest"
    if "pytest" in module.shadowed or "pytest" in class_attrs:
        pytest_name = fresh("pytest_", taken)
    contextlib_name = "contextlib"
    if "contextlib" in module.shadowed or "contextlib" in locals_:
        contextlib_name = fresh("contextlib_", taken)
    return pytest_name, contextlib_name


def _relays(planner: Planner) -> dict[str, dict[str, tuple[Relay, ...]]]:
    """Module -> the relay fixtures of its classes, for the mixins that stay converted."""
    out: dict[str, dict[str, tuple[Relay, ...]]] = {}
    for key, entries in sorted(planner.relays.items()):
        if key not in planner.planned:
            continue
        for host, relay in entries:
            info = planner.classes[host]
            own = out.setdefault(info.module, {})
            own[info.name] = (*own.get(info.name, ()), relay)
    return out


def _teardown_refusals(module: ModuleInfo, kept: Mapping[str, tuple[int, str]]) -> list[Refusal]:
    """MF121 at each tearDown that stays unittest's (``transforms.run_state``)."""
    out = []
    for info in module.classes:
        line, why = kept.get(info.qualname, (0, ""))
        if why:
            out.append(Refusal(Code.WRAPPED, module.path, line, info.name, why))
    return out


def _nested_refusals(planner: Planner, module: ModuleInfo) -> list[Refusal]:
    """Lifecycle methods in classes that are not at top level are reported, not converted."""
    out = []
    refused = {q for q, _level in planner.refused}
    for info in module.classes:
        if info.module_level or not info.methods or nested_key(info) in refused:
            continue  # (a nested user of the run's classes is refused by the planner itself)
        testish = any(planner.kind(b) in ("testcase", "async", "third") for b in info.bases)
        if testish:
            out.append(
                Refusal(
                    Code.NOT_TOP_LEVEL,
                    module.path,
                    info.line,
                    info.name,
                    "class is defined inside a function or another class",
                )
            )
    return out


def _skip_spellings(module: ModuleInfo) -> dict[str, str]:
    """Dotted spelling in this module -> ``skip``/``skipIf``/``skipUnless``."""
    out: dict[str, str] = {}
    for local, qualified in module.aliases.items():
        for name in SKIP_NAMES:
            if qualified in ("unittest", "unittest.case"):
                out[f"{local}.{name}"] = name
            elif qualified in (f"unittest.{name}", f"unittest.case.{name}"):
                out[local] = name
    return out


def _skip_classes(planner: Planner, module: ModuleInfo, fixtures: set[str]) -> tuple[str, ...]:
    """Test classes of the module whose tests run under a converted function fixture.

    unittest skips a decorated test before setUp; pytest sets fixtures up before unittest
    sees the skip. A pytest skip mark is evaluated before fixtures, so decorated tests of
    these classes get one, and their setup does not run, as before. ``fixtures``: the
    classes of the run with a converted function fixture.
    """
    if not fixtures:
        return ()
    out = []
    for info in module.classes:
        qualname = info.qualname
        if not info.module_level or not info.skip_decorated or qualname not in planner.classes:
            continue
        users = planner.users(qualname)
        if any(planner.skips_after_class_setup(u) for u in users):
            continue  # the fixture's own check (``Planner.needs_skip_guard``) skips them
        if any(_runs_fixture(planner, u, fixtures) for u in users):
            out.append(info.name)
    return tuple(out)


def _runs_fixture(planner: Planner, user: str, fixtures: set[str]) -> bool:
    """Whether a converted function fixture runs for ``user``'s tests: one of its MRO that
    no class left to unittest (``Planner.kept``) switches off before it. A kept class's
    tests are unittest's again: a mark would skip them before the class setup, which
    unittest (and pytest for it) runs first, so a failing setUpClass would read as a skip."""
    mro = planner.mro(user)
    kept = [k for k in mro if k in planner.kept]
    for klass in (f for f in mro if f in fixtures):
        if not any(mro.index(k) < mro.index(klass) and klass in planner.reach(k) for k in kept):
            return True
    return False
