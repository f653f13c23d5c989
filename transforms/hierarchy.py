"""The model of a run's class hierarchies: names, linearisation, and what super() reaches.

What it does: from the index of every module of a run, resolves each base to the class it
denotes (following re-exports: ``from tests.compat import unittest`` where ``tests/compat.py``
does ``import unittest``), linearises each class with C3 as Python does, and answers the
questions the plan asks: which classes of a test class's MRO unittest can reach through
``super()`` (the chain ends at ``unittest.TestCase``, whose lifecycle methods call nothing
further), which of them define a lifecycle level, and what follows a cooperative mixin.
Why: every decision of the plan is a property of the hierarchy, and a wrong model (a mixin
after ``TestCase`` taken for the next setUp, an own class of a package named like a
third-party one) refuses or converts the wrong classes.
Example: ``class T(ProjectBase, SomeMixin)`` with ``ProjectBase(unittest.TestCase)`` has the
MRO T, ProjectBase, TestCase, SomeMixin, object; ``reach`` stops at TestCase, so a setUp of
``SomeMixin`` never runs for T.
Refuses when: never; it only describes. ``MixinDisagreement`` tells the plan that what
follows a class differs between its users.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from itertools import zip_longest

from transforms.bindings import ALTERNATIVES
from transforms.index import RUN_STATE_WORDS, STACK_WORDS, ClassInfo, ModuleInfo
from transforms.unittest_api import CLASS_LEVEL, FUNCTION_LEVEL, MARKING_DECORATORS, PATCHERS

# unittest2, the backport some suites import under Python 2 (``if PY26: import unittest2 as
# unittest``, ``try: import unittest2 as unittest``), has the same lifecycle: its TestCase
# subclasses unittest's and runs setUp, the test, tearDown and the cleanups in that order.
TESTCASE = frozenset(
    {"unittest.TestCase", "unittest.case.TestCase", "unittest2.TestCase", "unittest2.case.TestCase"}
)
ASYNC_TESTCASE = frozenset(
    {"unittest.IsolatedAsyncioTestCase", "unittest.async_case.IsolatedAsyncioTestCase"}
)
# Standard classes a test class may inherit that define no lifecycle, cleanup or wrapper
# method: they pass every call through, like ``object``.
TRANSPARENT = frozenset(
    f"{module}.{name}"
    for module in ("typing", "typing_extensions")
    for name in ("Generic", "Protocol")
)
# Test frameworks built on unittest whose TestCase does lifecycle work the plan does not
# model. Only classes outside the run count: a package's own test suite (pyfakefs testing
# pyfakefs, zope.* packages) has its classes in the run, read like any other.
THIRD_PARTY_ROOTS = (
    "django.",
    "twisted.",
    "absl.",
    "tornado.testing.",
    "asynctest.",
    "aiounittest.",
    "rest_framework.",
    "flask_testing.",
    "pyfakefs.",
    "testtools.",
    "zope.",
)
LEVELS: dict[str, tuple[str, str]] = {
    "function": FUNCTION_LEVEL,
    "class": CLASS_LEVEL,
}
# What a decorator's subclass must not define for a level's lifecycle to run as before: the
# lifecycle methods and the cleanup API that run with them.
LEVEL_NAMES: dict[str, frozenset[str]] = {
    "function": frozenset({"setUp", "tearDown", "addCleanup", "doCleanups", "enterContext"}),
    "class": frozenset(
        {"setUpClass", "tearDownClass", "addClassCleanup", "doClassCleanups", "enterClassContext"}
    ),
}
ALL_LEVEL_NAMES = LEVEL_NAMES["function"] | LEVEL_NAMES["class"]
INCONSISTENT = "?inconsistent-mro"
OBJECT = "builtins.object"
# How ``Hierarchy.wrapping`` names a class decorator it cannot read.
CLASS_DECORATOR = "the class decorator @"
# unittest runs setUp, the test and tearDown from these methods of TestCase: a class that
# overrides one runs the lifecycle inside its own code (a transaction, a patch, a loop).
# ``_callTestMethod`` is not one of them: unittest calls it between setUp and tearDown for
# the test method alone, and a fixture's setup and teardown stay on either side of it.
WRAPPERS = frozenset({"run", "__call__", "debug", "_callSetUp", "_callTearDown", "_callCleanup"})
# Hooks that can put other methods in place of the lifecycle unittest looks up: a class's
# ``__init_subclass__`` runs on every subclass statement (``cls.setUp = traced(cls.setUp)``,
# or ``setattr`` with a computed name), and ``__getattribute__`` answers ``self.setUp``.
REBINDERS = frozenset({"__init_subclass__", "__getattribute__"})
# Metaclasses that build a class as ``type`` does, adding only checks of their own: the
# lifecycle methods stay what the class statement defines.
PLAIN_METACLASSES = frozenset({"abc.ABCMeta", "builtins.type"})


def alternatives(name: str) -> list[str]:
    """The names an unknown name bound by several imports (``"?a|b"``) may be, else
    ``[name]``."""
    if name.startswith("?") and ALTERNATIVES in name:
        return name[1:].split(ALTERNATIVES)
    return [name]


def _one_of(followed: str) -> str:
    """What a name bound by several imports (``ALTERNATIVES``) denotes: the one class they
    all lead to (unittest's TestCase under any of its names), else unknown ("?")."""
    if ALTERNATIVES not in followed:
        return followed
    names = sorted(set(followed.split(ALTERNATIVES)))
    if len(names) == 1:
        return names[0]
    if all(n in TESTCASE for n in names):
        return "unittest.TestCase"
    return "?" + ALTERNATIVES.join(names)


def differs_words(pairs: Iterable[tuple[str, str | None]]) -> str:
    """``what follows it differs between users: T1 -> Base, T2 -> TestCase`` for (user,
    what follows the class there, None for TestCase) pairs."""
    detail = ", ".join(
        f"{user.rsplit('.', 1)[-1]} -> {(after or 'TestCase').rsplit('.', 1)[-1]}"
        for user, after in pairs
    )
    return f"what follows it differs between users: {detail}"


def nested_key(info: ClassInfo) -> str:
    """The key of a class that is not bound at module level (no other class names it)."""
    return f"{info.qualname}@{info.line}"


def _plain_attribute_class(info: ClassInfo) -> bool:
    """A class defined in another class's body (``pyparsing_test.TestParseResultsAsserts``,
    a mixin of assertion helpers) that the model can stand for when a base names it: one
    without bases (its own would be looked up in the enclosing class body, which the model
    does not read) and without any lifecycle method, wrapper or metaclass. Others stay
    unknown (MF105)."""
    return bool(info.outer) and (
        all(b == "builtins.object" for b in info.bases)
        and not info.methods
        and not info.bound_otherwise
        and not info.wrapping_decorators
        and info.metaclass is None
        and not (info.attrs & WRAPPERS)
    )


class MixinDisagreement(Exception):
    """What follows a class in the MRO differs between the test classes that use it."""

    def __init__(self, qualname: str, detail: str) -> None:
        super().__init__(detail)
        self.qualname, self.detail = qualname, detail


class Hierarchy:
    """Classes of a run, their MROs and the lifecycle definers each MRO reaches."""

    def __init__(
        self,
        modules: Iterable[ModuleInfo],
        module_aliases: Mapping[str, str] | None = None,
        python_classes: tuple[str, ...] = ("Test",),
    ) -> None:
        self.modules = {m.module: m for m in modules}
        # pytest's ``python_classes``: prefixes, or globs when they hold ``*?[``.
        self.python_classes = python_classes
        # Names a module is imported under besides its own (namespace packages).
        for alias, real in (module_aliases or {}).items():
            if real in self.modules:
                self.modules.setdefault(alias, self.modules[real])
        self.classes: dict[str, ClassInfo] = {}
        # Module globals bound by more than one class statement (``if PY3: class Base`` ...
        # ``else: class Base``): which one runs is not known.
        self.ambiguous: set[str] = set()
        nested: list[ClassInfo] = []
        for module in {id(m): m for m in self.modules.values()}.values():
            for info in module.classes:
                if not info.module_level:
                    nested.append(info)
                    continue
                if info.qualname in self.classes:
                    self.ambiguous.add(info.qualname)
                    if not (info.methods or info.bound_otherwise):
                        continue  # the one that defines a lifecycle stays, to be refused
                self.classes[info.qualname] = info
        self._mro: dict[str, tuple[str, ...]] = {}
        self._canonical: dict[str, str] = {}
        self._descendants: dict[str, list[str]] | None = None
        # Per class: whether it is a test class, and its users (the model does not change).
        self._test_classes: dict[str, bool] = {}
        self._users: dict[str, tuple[str, ...]] = {}
        self._unittest_runs: dict[str, tuple[str, int, str]] | None = None
        # A class nested in a function or another class is never rewritten, but one that
        # inherits from a class of the run inherits its fixtures: a user of its lifecycle.
        for info in nested:
            if any(self.canonical(b) in self.classes for b in info.bases):
                self.classes[nested_key(info)] = info
            elif _plain_attribute_class(info):
                self.classes.setdefault(f"{info.module}.{info.outer}.{info.name}", info)

    # -- names ---------------------------------------------------------------------------

    def canonical(self, qualified: str | None) -> str | None:
        """The name ``qualified`` really denotes: an indexed class, or the external name a
        chain of re-exports leads to (``tests.compat.unittest.TestCase`` ->
        ``unittest.TestCase``)."""
        if qualified is None:
            return None
        if qualified not in self._canonical:
            self._canonical[qualified] = _one_of(self._follow(qualified, 0))
        return self._canonical[qualified]

    def _follow(self, qualified: str, depth: int) -> str:
        if qualified in self.classes or depth > 16 or qualified.startswith("?"):
            return qualified
        if ALTERNATIVES in qualified:
            return ALTERNATIVES.join(
                self._follow(one, depth + 1) for one in qualified.split(ALTERNATIVES)
            )
        parts = qualified.split(".")
        # The longest prefix that is a module of the run owns the next name.
        for cut in range(len(parts) - 1, 0, -1):
            info = self.modules.get(".".join(parts[:cut]))
            if info is None:
                continue
            head, rest = parts[cut], parts[cut + 1 :]
            own = f"{info.module}.{head}"
            if own in self.classes and not rest:
                return own  # a class of a module known under another name
            target = info.aliases.get(head)
            if target is None:
                return qualified
            return self._follow(
                ALTERNATIVES.join(".".join([t, *rest]) for t in target.split(ALTERNATIVES)),
                depth + 1,
            )
        return qualified

    def known(self, qualified: str | None) -> str | None:
        """The indexed class a qualified name denotes, following re-exports."""
        name = self.canonical(qualified)
        return name if name in self.classes else None

    def kind(self, qualified: str | None) -> str:
        """One of known, testcase, async, object, third, unknown."""
        name = self.canonical(qualified)
        if name in self.classes:
            return "known"
        if name is None or name.startswith("?"):
            return "unknown"
        if name.startswith(THIRD_PARTY_ROOTS):
            return "third"
        if name in TESTCASE:
            return "testcase"
        if name in ASYNC_TESTCASE:
            return "async"
        if name.startswith("builtins.") or name in TRANSPARENT:
            return "object"
        return "unknown"

    # -- linearisation -------------------------------------------------------------------

    def mro(self, qualname: str) -> tuple[str, ...]:
        """C3 linearisation over indexed classes; leaves are canonical external names."""
        if qualname not in self._mro:
            self._mro[qualname] = ()  # breaks cycles
            self._mro[qualname] = self._c3(qualname)
        return self._mro[qualname]

    def _c3(self, qualname: str) -> tuple[str, ...]:
        info = self.classes[qualname]
        bases = [self.canonical(b) or "?" for b in info.bases] or [OBJECT]
        seqs = [list(self.mro(b)) if b in self.classes else _external_mro(b) for b in bases]
        seqs.append(list(bases))
        out = [qualname]
        while any(seqs):
            seqs = [s for s in seqs if s]
            head = next((s[0] for s in seqs if not any(s[0] in t[1:] for t in seqs)), None)
            if head is None:
                return (qualname, INCONSISTENT)
            out.append(head)
            seqs = [s[1:] if s[0] == head else s for s in seqs]
        return tuple(out)

    def reach(self, qualname: str) -> tuple[str, ...]:
        """The MRO up to (without) ``unittest.TestCase``: what a ``super()`` chain starting
        at ``qualname`` can run. ``TestCase.setUp`` and the other lifecycle methods call no
        further, so a class after it in the MRO is never reached."""
        out: list[str] = []
        for entry in self.mro(qualname):
            if self.kind(entry) in ("testcase", "async"):
                break
            out.append(entry)
        return tuple(out)

    def wrapper(self, qualname: str, level: str = "function") -> tuple[str, str] | None:
        """(class, what) of the first class of ``qualname``'s reach that wraps the level's
        lifecycle: a wrapper method, a metaclass, or a class decorator (which may replace
        setUp)."""
        for entry in self.reach(qualname):
            what = self.wrapping(entry, level)
            if what is not None:
                return entry, what
        return None

    def wrapping(self, entry: str, level: str = "function") -> str | None:
        """What of the class ``entry`` itself wraps the level's lifecycle (see ``wrapper``);
        a class decorator's words start with ``CLASS_DECORATOR``."""
        info = self.classes.get(entry)
        if info is None:
            return None
        wraps = sorted(info.attrs & WRAPPERS)
        if wraps:
            return f"{wraps[0]}()"
        rebinds = sorted(info.attrs & REBINDERS)
        if rebinds:
            return f"defines {rebinds[0]}, which may replace the lifecycle methods unittest calls"
        if info.run_state is not None:
            # unittest sets ``_outcome`` only while run() runs, and a fixture runs outside
            # run(); a fixture is not called "setUp" for code that looks at the stack.
            what = info.run_state_what or RUN_STATE_WORDS
            return f"reads {what} ({info.path}:{info.run_state}), {run_state_why(what)}"
        if info.metaclass and self.canonical(info.metaclass) not in PLAIN_METACLASSES:
            return "a metaclass"
        wrapping = [
            name
            for name, target in zip_longest(
                info.wrapping_decorators, info.decorator_targets, fillvalue=""
            )
            if not self.clear_decorator(target, level)
        ]
        if wrapping:
            return f"{CLASS_DECORATOR}{wrapping[0]}"
        return None

    def clear_decorator(self, target: str, level: str = "function") -> bool:
        """Whether a class decorator (its qualified name, "()" added for a call) leaves the
        level's lifecycle alone: a pytest mark; a call of one of mock's ``PATCHERS`` or of
        the ``MARKING_DECORATORS``; a
        module global of the run bound once to a unittest skip decorator, or a call of a
        function that returns one (``skip_factories``), which pytest applies before any
        fixture; or a function of the run that returns a subclass
        defining none of the level's lifecycle, wrapper, cleanup or special methods
        (``subclassing_decorators``)."""
        call = target.endswith("()")
        name = self.canonical(target.removesuffix("()")) or ""
        if alternatives(name) != [name]:
            # Bound by several imports: clear only if each of them is.
            suffix = "()" if call else ""
            return all(self.clear_decorator(one + suffix, level) for one in alternatives(name))
        if name.startswith("pytest.mark.") or (call and name in PATCHERS | MARKING_DECORATORS):
            return True
        module, _, head = name.rpartition(".")
        info = self.modules.get(module)
        if info is None:
            return False
        if call:
            return head in info.skip_factories
        attrs = info.class_decorators.get(head)
        if attrs is not None:
            unsafe = WRAPPERS | LEVEL_NAMES.get(level, ALL_LEVEL_NAMES)
            return not any(a in unsafe or a.startswith("__") for a in attrs)
        return head in info.skip_aliases

    def is_test_class(self, qualname: str) -> bool:
        found = self._test_classes.get(qualname)
        if found is None:
            kinds = ("testcase", "async", "third")
            found = any(self.kind(k) in kinds for k in self.mro(qualname))
            self._test_classes[qualname] = found
        return found

    def has_unknown_base(self, qualname: str) -> bool:
        """An unknown base may be a TestCase: its lifecycle methods are reported, not ignored."""
        return any(self.kind(k) == "unknown" for k in self.reach(qualname)[1:])

    def run_by_unittest(self, qualname: str) -> tuple[str, int, str] | None:
        """(file, line, callee) where the suite hands ``qualname`` to unittest's runner or
        loader (``ModuleInfo.unittest_runs``), if it does."""
        if self._unittest_runs is None:
            found: dict[str, tuple[str, int, str]] = {}
            for module in {id(m): m for m in self.modules.values()}.values():
                for name, line, callee in module.unittest_runs:
                    key = self.canonical(name) or name
                    found.setdefault(key, (module.path, line, callee))
            self._unittest_runs = found
        return self._unittest_runs.get(qualname)

    def descendants(self, qualname: str) -> list[str]:
        if self._descendants is None:
            found: dict[str, list[str]] = {}
            for other in self.classes:
                for ancestor in self.mro(other)[1:]:
                    found.setdefault(ancestor, []).append(other)
            self._descendants = found
        return self._descendants.get(qualname, [])

    def users(self, qualname: str) -> list[str]:
        """Test classes for which unittest can run ``qualname``'s lifecycle methods: those
        whose MRO holds it before ``TestCase`` (itself included when a test class)."""
        found = self._users.get(qualname)
        if found is None:
            own = (qualname,) if self.is_test_class(qualname) else ()
            found = own + tuple(
                d
                for d in self.descendants(qualname)
                if self.is_test_class(d) and qualname in self.reach(d)
            )
            self._users[qualname] = found
        return list(found)

    def unknown_users(self, qualname: str) -> list[str]:
        """Subclasses that may be test classes: not known to be one, but with a base the model
        cannot read after ``qualname`` (a TestCase, perhaps, imported in a try/except)."""
        return [
            d
            for d in self.descendants(qualname)
            if not self.is_test_class(d) and qualname in self.reach(d) and self.has_unknown_base(d)
        ]

    def plain_test_classes(self, qualname: str) -> list[str]:
        """Classes that inherit ``qualname``'s fixtures and that pytest collects as plain
        test classes (not TestCases): named as ``python_classes`` says (``Test*`` by
        default), bound at module level, without ``__init__``, with a ``test*`` method of
        their own or inherited from the run. pytest never calls ``setUp`` for their tests,
        but runs every autouse fixture they inherit (``class TestShellBase:`` imported into
        a test module, its subclasses adding ``unittest.TestCase``)."""
        out = []
        for klass in (qualname, *self.descendants(qualname)):
            info = self.classes[klass]
            if not info.module_level or not self._collects(info.name):
                continue
            if self.is_test_class(klass) or "__init__" in info.attrs:
                continue
            run = [self.classes[k] for k in self.mro(klass) if k in self.classes]
            if any(a.startswith("test") for c in run for a in c.attrs):
                out.append(klass)
        return out

    def _collects(self, name: str) -> bool:
        """pytest's test for a class name (``python_classes``: prefix or glob)."""
        return any(
            fnmatch.fnmatch(name, p) if any(c in p for c in "*?[") else name.startswith(p)
            for p in self.python_classes
        )

    def unreached_users(self, qualname: str) -> list[str]:
        """Test classes that inherit ``qualname`` after ``TestCase``: unittest never runs
        its lifecycle for them, but they would inherit a fixture written in it."""
        return [
            d
            for d in self.descendants(qualname)
            if self.is_test_class(d) and qualname not in self.reach(d)
        ]

    # -- lifecycle definers ----------------------------------------------------------------

    def defines(self, qualname: str, names: Iterable[str]) -> bool:
        info = self.classes.get(qualname)
        return info is not None and any(
            n in info.methods or n in info.bound_otherwise for n in names
        )

    def definers(self, qualname: str, level: str) -> list[str]:
        """Classes of ``qualname``'s reach that define a lifecycle method of ``level``."""
        names = LEVELS[level]
        return [k for k in self.reach(qualname) if self.defines(k, names)]

    def successor(
        self, qualname: str, level: str, names: Iterable[str] | None = None
    ) -> str | None:
        """The next class defining the level (or one of ``names``) after ``qualname``, the
        same in every user's MRO.

        A cooperative mixin's ``super().setUp()`` reaches whatever follows it in the MRO of
        the class being tested; its fixture can request one parent fixture only, so every
        class that uses it must agree on what follows, or ``MixinDisagreement`` is raised.
        """
        wanted = tuple(names) if names is not None else LEVELS[level]
        found: dict[str | None, str] = {}
        for user in self.users(qualname):
            chain = [k for k in self.reach(user) if k == qualname or self.defines(k, wanted)]
            if qualname in chain:
                index = chain.index(qualname)
                found.setdefault(chain[index + 1] if index + 1 < len(chain) else None, user)
        if len(found) > 1:
            detail = differs_words((u, n) for n, u in found.items())
            raise MixinDisagreement(qualname, detail)
        return next(iter(found), None)

    def user_chains(self, qualname: str, level: str) -> dict[tuple[str, ...], list[str]]:
        """What ``super()`` reaches after ``qualname`` in each user's MRO (the definers of the
        level that follow it, nearest first) -> the users with that chain, in order.

        Exact per user, where ``parents`` asks every class of the chain to agree with all of
        its own users: a mixin whose users differ gets one entry per distinct chain."""
        names = LEVELS[level]
        out: dict[tuple[str, ...], list[str]] = {}
        for user in self.users(qualname):
            reach = self.reach(user)
            if qualname in reach:
                after = reach[reach.index(qualname) + 1 :]
                chain = tuple(k for k in after if self.defines(k, names))
                out.setdefault(chain, []).append(user)
        return out

    def parents(self, qualname: str, level: str) -> list[str]:
        """The definers that run after ``qualname``'s own setup, nearest first: what
        ``super()`` reaches in every test class that uses it, when they agree (a mixin
        further on may be followed by other classes in its other users: relays answer
        for those); otherwise each successor in turn, which raises ``MixinDisagreement``
        where users differ."""
        chains = self.user_chains(qualname, level)
        if len(chains) == 1:
            return list(next(iter(chains)))
        chain: list[str] = []
        current = self.successor(qualname, level)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.successor(current, level)
        return chain


def _external_mro(name: str) -> list[str]:
    """What is known of a class outside the index's MRO: itself, and ``object`` last (every
    class's MRO ends there). Without that tail, a base-less mixin's ``object`` would come
    before ``unittest.TestCase`` in a subclass's linearisation."""
    return [name] if name == OBJECT else [name, OBJECT]


def run_state_why(what: str) -> str:
    """Why reading ``what`` of the run (``ClassInfo.run_state_what``) keeps a lifecycle."""
    stack = "its function names change when setUp becomes a fixture"
    if what == STACK_WORDS:
        return stack
    outcome = "set only while run() runs: a fixture runs outside"
    return f"{outcome}; {stack}" if STACK_WORDS in what else outcome


def linked_roots(items: Iterable[str], links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """item -> a representative of its group, items being grouped by ``links`` (pairs of
    items, transitively): the classes or files that share a hierarchy."""
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    for first, second in links:
        parent[find(first)] = find(second)
    return {item: find(item) for item in items}
