"""The resource part of a plan: temporary paths, the working directory and the environment.

What it does: decides, for one fixture, which temporary paths move to pytest's directories
(``mkdtemp()`` -> ``tmp_path``, a fixed ``/tmp`` path or a written file name -> the worker's
own base directory, ``dir=`` for other ``tempfile`` makers), which ``os.chdir`` and
``os.environ`` writes become ``monkeypatch`` calls, and what those rewrites drop.
Why: these are xdist-safety rewrites, separate from the hierarchy decisions of
``transforms.plan``; each is optional (a path that cannot be shown local stays, reported).
Example: ``self.tmp = tempfile.mkdtemp()`` in the only setUp with a temporary path ->
``self.tmp = str(tmp_path)``.
Refuses when: never; a rewrite that cannot be shown exact is simply not planned.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from transforms.env_facts import EnvFacts, EnvRestore, EnvWrite
from transforms.facts import BodyFacts
from transforms.hierarchy import Hierarchy
from transforms.index import ModuleInfo
from transforms.plan_types import LevelPlan
from transforms.temp_facts import TempSite


@dataclass(frozen=True)
class _TempPlan:
    rewrites: tuple[tuple[str, str, str], ...] = ()
    dirs: tuple[tuple[str, str, int], ...] = ()
    drops: tuple[str, ...] = ()
    requests: tuple[str, ...] = ()
    dropped_cleanups: int = 0
    lines: tuple[int, ...] = ()


_SAFE_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


class ResourcePlanner(Hierarchy):
    """The temporary-path, working-directory and environment decisions of the planner."""

    outside: Mapping[str, int]
    planned: dict[tuple[str, str], LevelPlan]
    unittest_teardowns: frozenset[str]

    def literal_count(self, literal: str) -> int:
        return sum(m.tmp_literals.get(literal, 0) for m in self.modules.values())

    def _fixed_local(self, literal: str) -> bool:
        """A fixed temporary path written once in the run, whose file name no file of the
        project outside the run spells (the application may build the same path)."""
        name = literal.rsplit("/", 1)[-1]
        return self.literal_count(literal) == 1 and self.outside.get(name, 0) == 0

    def _constant_local(self, constant: str, literal: str, module: ModuleInfo) -> bool:
        """A module constant's path may move when the setup's read of it is the only one
        in its module, no other module imports it, and no file of the project outside the
        run spells its file name (``outside``, which the engine fills from the root)."""
        if module.constant_loads.get(constant, 0) != 1:
            return False
        for other in self.modules.values():
            if other is not module and any(
                v == f"{module.module}.{constant}" for v in other.aliases.values()
            ):
                return False
        return self.outside.get(literal.rsplit("/", 1)[-1], 0) == 0

    def _relative_local(self, name: str, module: ModuleInfo) -> bool:
        """A file name written in the working directory may move when nothing else in the
        run names it (every use goes through the attribute) and the module never changes
        the working directory (a relative name means a different file after a chdir)."""
        count = sum(m.file_literals.get(name, 0) for m in self.modules.values())
        count += self.outside.get(name, 0)
        return count == 1 and not module.chdir

    def _temp_plan(
        self,
        level: str,
        setup: BodyFacts | None,
        teardown: BodyFacts | None,
        module: ModuleInfo,
        qualname: str | None = None,
    ) -> _TempPlan:
        """Temporary paths of a setup that move to pytest's per-test, per-worker directories.

        ``mkdtemp()`` is collision-free already, so it moves only for pytest's management of
        the directory; a fixed path under /tmp moves only when its literal is written nowhere
        else in the run (so nothing else can expect it there). Other maker calls keep their
        random names and get ``dir=`` a pytest directory.
        """
        if setup is None or qualname in self.unittest_teardowns:
            return _TempPlan()
        names = setup.all_names | (teardown.all_names if teardown else frozenset())
        if names & {"tmp_path", "tmp_path_factory"}:
            return _TempPlan()
        sites = [
            s
            for s in setup.temp_sites
            if (s.kind != "fixed" or self._fixed_local(s.literal))
            and (s.kind != "relative" or self._relative_local(s.literal, module))
            and (s.constant is None or self._constant_local(s.constant, s.literal, module))
            and _SAFE_NAME.match(s.literal.rsplit("/", 1)[-1] or "tmp")
        ]
        if not sites and not setup.dir_sites:
            return _TempPlan()
        # One mkdtemp() in a function fixture is exactly a fresh per-test directory: tmp_path,
        # unless another fixture of the same tests puts something into tmp_path too.
        alone = (
            level == "function"
            and len(sites) == 1
            and sites[0].kind == "mkdtemp"
            and not setup.dir_sites
            and not (qualname and self._tmp_path_shared(qualname))
        )
        rewrites = tuple((s.target, s.source, _temp_expr(s, alone)) for s in sites)
        folder = "tmp_path" if level == "function" else None
        counts = Counter(
            (d.source, folder or f'tmp_path_factory.mktemp("{d.label}")') for d in setup.dir_sites
        )
        dirs = tuple((source, where, n) for (source, where), n in counts.items())
        owned = {s.target for s in sites if s.kind == "mkdtemp"}
        removals = [*setup.removals, *(teardown.removals if teardown else ())]
        drops = tuple(r.source for r in removals if r.target in owned)
        dropped = sum(1 for r in setup.removals if r.target in owned and r.via_cleanup)
        dropped += sum(1 for s in sites if s.entered)
        requests = ["tmp_path"] if alone or (dirs and folder) else []
        if (sites and not alone) or (dirs and not folder):
            requests.append("tmp_path_factory")
        return _TempPlan(
            rewrites=rewrites,
            dirs=dirs,
            drops=drops,
            requests=tuple(requests),
            dropped_cleanups=dropped,
            lines=tuple(s.line for s in sites),
        )

    def _tmp_path_shared(self, qualname: str) -> bool:
        """Whether another class of the same tests has temporary paths in its ``setUp``."""
        related = set(self.mro(qualname))
        for child in self.descendants(qualname):
            related.update(self.mro(child))
        related.discard(qualname)
        for other in related:
            info = self.classes.get(other)
            setup = info.methods.get("setUp") if info else None
            if setup is not None and (setup.temp_sites or setup.dir_sites):
                return True
        return False

    def _patchable(
        self,
        level: str,
        setup: BodyFacts | None,
        teardown: BodyFacts | None,
        stack: str | None,
        mode: str,
        parents: list[str],
    ) -> bool:
        """Whether restores at the end of tearDown may become monkeypatch's undo.

        Exact when nothing runs between the restore and monkeypatch's undo: the restores end
        tearDown (before a final parent call) and there is no cleanup stack (cleanups ran
        after the restore in unittest). monkeypatch is requested after the parent fixture, so
        it is undone before the parent's teardown runs, as the parent's tearDown ran after the
        restore; a parent fixture that requests monkeypatch itself would share the instance
        and undo it after its own teardown instead. Only at function scope: monkeypatch is a
        function-scoped fixture.
        """
        if level != "function" or stack or setup is None or teardown is None:
            return False
        if "monkeypatch" in setup.all_names | teardown.all_names:
            return False
        chained = parents if mode == "chain" else []
        return not any(
            "monkeypatch" in plan.requests
            for plan in (self.planned.get((p, level)) for p in chained)
            if plan is not None
        )

    def _chdir_plan(
        self, setup: BodyFacts | None, teardown: BodyFacts | None
    ) -> tuple[str, str] | None:
        """``os.chdir`` in setUp restored at the end of tearDown -> ``monkeypatch.chdir``."""
        if setup is None or teardown is None:
            return None
        change, restore = setup.chdir_setup, teardown.chdir_restore
        if change is None or restore is None or change.saved != restore.saved:
            return None
        if change.calls != 1 or restore.calls != 1:
            return None
        return change.source, restore.source

    def _env_plan(
        self, setup: BodyFacts | None, teardown: BodyFacts | None
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]]:
        """``os.environ[K] = v`` in setUp put back exactly at the end of tearDown ->
        ``monkeypatch.setenv(K, v)``; returns (writes, restores, lines) or three empties.

        Exact when the old value was saved first (``os.environ.get(K)`` or
        ``os.environ[K]``), the value is surely a ``str`` (monkeypatch converts other
        values with a warning; ``os.environ`` raises), and the restore does what
        monkeypatch's undo does: sets the saved value back, or removes ``K`` without raising
        when it was absent (``os.environ.pop(K, None)``).
        """
        none: tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]] = ((), (), ())
        env = setup.env if setup else None
        if setup is None or env is None or teardown is None or not env.writes:
            return none
        keys = {w.key for w in env.writes}
        restores = {r.key: r for r in teardown.env_restores}
        if env.all_writes != len(env.writes) or len(keys) != len(env.writes):
            return none  # another write (nested, update, a second one) is not analysed
        if len(restores) != len(teardown.env_restores) or set(restores) != keys:
            return none
        assigned = dict(env.assigned)
        # Temporary paths of this setup hold a ``str`` from their line on.
        strings = {s.target: s.line for s in setup.temp_sites if assigned.get(s.target) == 1}
        for write in env.writes:
            if not _env_write_exact(write, env, assigned, restores[write.key], strings):
                return none
        return (
            tuple(w.source for w in env.writes),
            tuple(r.source for r in teardown.env_restores),
            tuple(w.line for w in env.writes),
        )


def _env_write_exact(
    write: EnvWrite,
    env: EnvFacts,
    assigned: Mapping[str, int],
    restore: EnvRestore,
    strings: Mapping[str, int],
) -> bool:
    """One ``os.environ[K] = v``: saved once before, a ``str`` value, restored as monkeypatch
    would (a value saved with ``.get`` may be None: the restore must then remove ``K``
    without raising)."""
    saves = [s for s in env.saves if s.key == write.key and s.index < write.index]
    if len(saves) != 1 or assigned.get(saves[0].target) != 1:
        return False
    if restore.target != saves[0].target:
        return False
    if saves[0].kind == "get" and not (restore.handles_absent and restore.exact_when_absent):
        return False
    line = strings.get(write.value_name or "")
    return write.value_is_str or (line is not None and line < write.line)


def _temp_expr(site: TempSite, alone: bool) -> str:
    """The new value: a ``str`` as before, so ``path + "/x"`` keeps working.

    A fixed path was one place shared by every test of the process (one test could leave a
    file for the next): its replacement is one place per xdist worker, under the worker's own
    base temporary directory, shared by that worker's tests, as before, and by no other worker.
    """
    label = re.sub(r"\W", "_", site.target.rsplit(".", 1)[-1]).strip("_") or "tmp"
    name = site.literal.rsplit("/", 1)[-1]  # "fixed" and "relative" keep the file's name
    if site.kind == "mkdtemp":
        return "str(tmp_path)" if alone else f'str(tmp_path_factory.mktemp("{label}"))'
    return f'str(tmp_path_factory.getbasetemp() / "{name}")'
