"""tearDowns that read unittest's run state stay unittest's; the setUps of their hierarchy convert.

What it does: unittest sets ``self._outcome`` only while ``TestCase.run`` runs, so code that
reads it (PyGithub's ``thisTestFailed`` property: did the test fail?) cannot move into a
fixture, which pytest runs around ``run()``. When every read is reached only from tearDown
methods (and methods only they call), every class linked to the reader through an MRO keeps
its ``tearDown`` as it is, and the hierarchy is planned as if no class had one: the setUps
become fixtures with nothing after their ``yield`` but the cleanups they registered.
Why it is exact: unittest ran setUp, the test, tearDown, then the cleanups (last in, first
out). The fixtures now run the setUps, in the same chain order, before ``run()``; inside it
unittest runs the test, every tearDown (all of them, so their own order and their order
before the cleanups are unittest's) and the test's cleanups; the setUps' cleanups, which
unittest ran after the test's, close after ``run()``. A setUp that fails skips the tearDowns
in both. Temporary paths, the working directory and the environment stay as they are in
these classes: their restores live in the tearDowns that stay.
Example::

    class Base(TestCase):                       class Base(TestCase):
        def setUp(self):                            @pytest.fixture(autouse=True)
            self.log = open_log()                   def _base_setup(self):
                                          ->            self.log = open_log()
        def tearDown(self):                             yield
            self.log.close(failed=self._outcome...)
                                                    def tearDown(self):
                                                        self.log.close(failed=self._outcome...)

Refuses when: a read is outside any method, or a setUp of a class linked to the reader reads
(through ``self``) a method that reaches it, or a method the tool cannot read (a class
without run-state reads in its file): MF121 as before, for the whole hierarchy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from transforms.hierarchy import Hierarchy, run_state_why
from transforms.index import RUN_STATE_WORDS, ClassInfo, ModuleInfo

TEARDOWN = "tearDown"
SETUP = "setUp"


def unittest_teardowns(
    modules: list[ModuleInfo],
    aliases: Mapping[str, str] | None = None,
    python_classes: tuple[str, ...] = ("Test",),
) -> tuple[list[ModuleInfo], dict[str, tuple[int, str]]]:
    """The modules with the tearDowns that stay unittest's taken out of the index (and the
    run-state reads they hold cleared), and qualname -> (line of its tearDown, why) for every
    class of those hierarchies (line 0 and no words for a class without a tearDown).
    Modules without run-state reads come back as they are."""
    if not any(c.run_state is not None for m in modules for c in m.classes):
        return modules, {}
    model = Hierarchy(modules, aliases, python_classes)
    kept: dict[str, tuple[int, str]] = {}
    for component in _components(model):
        readers = [q for q in component if model.classes[q].run_state is not None]
        if readers and all(_liftable(model, component, r) for r in readers):
            first = model.classes[readers[0]]
            what = first.run_state_what or RUN_STATE_WORDS
            why = (
                f"tearDown stays a unittest method: {first.name} reads {what}"
                f" ({first.path}:{first.run_state}), {run_state_why(what)}; only tearDowns"
                " reach it, and the setUps of the hierarchy convert"
            )
            for qualname in component:
                teardown = model.classes[qualname].methods.get(TEARDOWN)
                kept[qualname] = (teardown.line, why) if teardown else (0, "")
    if not kept:
        return modules, {}
    return [_without_teardowns(m, kept) for m in modules], kept


def _components(model: Hierarchy) -> list[list[str]]:
    """The run's classes grouped by MRO links (a class with every class of its MRO)."""
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    for qualname in model.classes:
        for entry in model.mro(qualname):
            if entry in model.classes:
                parent[find(entry)] = find(qualname)
    groups: dict[str, list[str]] = {}
    for qualname in sorted(model.classes):
        groups.setdefault(find(qualname), []).append(qualname)
    return list(groups.values())


def _liftable(model: Hierarchy, component: Iterable[str], reader: str) -> bool:
    """Whether no setUp that runs for a class of ``component`` with ``reader`` in its MRO
    reaches a run-state read, and no read is outside a method."""
    info = model.classes[reader]
    if "" in info.run_state_in or info.method_reads is None:
        return False
    for qualname in component:
        if reader not in model.mro(qualname):
            continue
        mro = [k for k in model.mro(qualname) if k in model.classes]
        for entry in model.reach(qualname):
            setup = model.classes[entry].methods.get(SETUP) if entry in model.classes else None
            if setup is None:
                continue
            if SETUP in model.classes[entry].run_state_in:
                return False
            if any(_reaches(model, mro, name, set()) for name in setup.self_attrs):
                return False
    return True


def _reaches(model: Hierarchy, mro: list[str], name: str, seen: set[str]) -> bool:
    """Whether ``self.<name>``, looked up through ``mro``, may reach a run-state read: a
    method whose body reads it or reads such a method, or a method the index did not read
    (its class's file mentions no run state: its body could still reach one elsewhere)."""
    if name in seen:
        return False
    seen.add(name)
    owner = _owner(model, mro, name)
    if owner is None:
        return False  # an instance attribute, or unittest's own
    reads = owner.method_reads
    if reads is None:
        return name in owner.defs
    if name in owner.run_state_in:
        return True
    return any(_reaches(model, mro, inner, seen) for inner in reads.get(name, ()))


def _owner(model: Hierarchy, mro: list[str], name: str) -> ClassInfo | None:
    for entry in mro:
        info = model.classes[entry]
        if name in info.attrs:
            return info
    return None


def _without_teardowns(module: ModuleInfo, kept: Mapping[str, object]) -> ModuleInfo:
    classes = []
    changed = False
    for info in module.classes:
        if info.qualname in kept:
            methods = {n: f for n, f in info.methods.items() if n != TEARDOWN}
            info = replace(info, methods=methods, run_state=None, run_state_in=frozenset())
            changed = True
        classes.append(info)
    return replace(module, classes=tuple(classes)) if changed else module
