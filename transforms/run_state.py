"""tearDowns that read unittest's run state stay unittest's; the setUps of their hierarchy convert.

What it does: unittest sets ``self._outcome`` only while ``TestCase.run`` runs, so code that
reads it (a ``thisTestFailed`` property: did the test fail?) cannot move into a fixture,
which pytest runs around ``run()``; code that finds the lifecycle on the call stack by
function name (PyGithub names its replay files after the "setUp" frame) cannot either, since
a fixture is not called setUp. Where such a read is (``index._state_read``) and what reaches
it through ``self`` is read per class; then, for each group of classes linked by MROs:
only tests reach it -> everything converts (tests run inside ``run()`` under their own
names); tearDowns reach it too -> every class of the group keeps its ``tearDown`` as it is,
and the group is planned as if no class had one: the setUps become fixtures with nothing
after their ``yield`` but the cleanups they registered; a setup reaches it -> MF121.
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

Refuses when: a read is outside any method, or a setUp (setUpClass, tearDownClass) of a
class linked to the reader reads it, or reads (through ``self``) a method that reaches it or
a method the tool did not read (a class whose file mentions no run state): MF121 as before,
for the whole hierarchy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from transforms.hierarchy import Hierarchy, linked_roots, run_state_why
from transforms.index import RUN_STATE_WORDS, ClassInfo, ModuleInfo

TEARDOWN = "tearDown"
# The lifecycle methods that run outside unittest's run(), or under a new name, once
# converted: one that reaches a read keeps the hierarchy.
SETUP_SIDE = ("setUp", "setUpClass", "tearDownClass")


def unittest_teardowns(
    modules: list[ModuleInfo],
    aliases: Mapping[str, str] | None = None,
    python_classes: tuple[str, ...] = ("Test",),
) -> tuple[list[ModuleInfo], dict[str, tuple[int, str]]]:
    """The modules with the run-state reads that no setup reaches cleared, the tearDowns
    that stay unittest's taken out of the index, and qualname -> (line of its tearDown, why)
    for every class of the hierarchies whose tearDowns stay (line 0 and no words for a class
    without one). Modules without run-state reads come back as they are."""
    if not any(c.run_state is not None for m in modules for c in m.classes):
        return modules, {}
    model = Hierarchy(modules, aliases, python_classes)
    cleared: set[str] = set()
    kept: dict[str, tuple[int, str]] = {}
    for component in _components(model):
        readers = [q for q in component if model.classes[q].run_state is not None]
        if not readers or any(_reached(model, component, r, SETUP_SIDE) for r in readers):
            continue  # the hierarchy stays (MF121, ``Hierarchy.wrapping``)
        cleared.update(readers)
        torn = [r for r in readers if _reached(model, component, r, (TEARDOWN,))]
        if not torn:
            continue  # only tests (inside run(), under their own names) reach it
        first = model.classes[torn[0]]
        what = first.run_state_what or RUN_STATE_WORDS
        why = (
            f"tearDown stays a unittest method: {first.name} reads {what}"
            f" ({first.path}:{first.run_state}), {run_state_why(what)}; only tearDowns"
            " reach it, and the setUps of the hierarchy convert"
        )
        for qualname in component:
            teardown = model.classes[qualname].methods.get(TEARDOWN)
            kept[qualname] = (teardown.line, why) if teardown else (0, "")
    if not cleared:
        return modules, {}
    return [_without(m, cleared, kept) for m in modules], kept


def _components(model: Hierarchy) -> list[list[str]]:
    """The run's classes grouped by MRO links (a class with every class of its MRO)."""
    links = [(e, q) for q in model.classes for e in model.mro(q) if e in model.classes]
    root = linked_roots(model.classes, links)
    groups: dict[str, list[str]] = {}
    for qualname in sorted(model.classes):
        groups.setdefault(root[qualname], []).append(qualname)
    return list(groups.values())


def _reached(
    model: Hierarchy, component: Iterable[str], reader: str, methods: tuple[str, ...]
) -> bool:
    """Whether one of the lifecycle ``methods`` that runs for a class of ``component`` with
    ``reader`` in its MRO may reach a run-state read; always when a read is outside any
    method."""
    info = model.classes[reader]
    if "" in info.run_state_in or info.method_reads is None:
        return True
    for qualname in component:
        if reader not in model.mro(qualname):
            continue
        mro = [k for k in model.mro(qualname) if k in model.classes]
        for entry in model.reach(qualname):
            klass = model.classes.get(entry)
            for method in methods:
                facts = klass.methods.get(method) if klass else None
                if facts is None or klass is None:
                    continue
                if method in klass.run_state_in:
                    return True
                if any(_reaches(model, mro, name, set()) for name in facts.self_attrs):
                    return True
    return False


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


def _without(module: ModuleInfo, cleared: set[str], kept: Mapping[str, object]) -> ModuleInfo:
    """``module`` with the run-state reads of ``cleared`` classes forgotten and the tearDowns
    of ``kept`` ones taken out of the index (they stay in the file, unittest's)."""
    classes = []
    changed = False
    for info in module.classes:
        if info.qualname in cleared:
            info = replace(info, run_state=None, run_state_in=frozenset())
            changed = True
        if info.qualname in kept:
            methods = {n: f for n, f in info.methods.items() if n != TEARDOWN}
            info = replace(info, methods=methods)
            changed = True
        classes.append(info)
    return replace(module, classes=tuple(classes)) if changed else module
