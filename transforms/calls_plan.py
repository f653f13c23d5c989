"""Calls style: the lifecycle methods stay, renamed, and the fixture calls them as unittest did.

What it does: for a class whose lifecycle cannot be split into "own setup, yield, own
teardown" with the parent's fixture around it (a partial override: ``setUp`` without
``super()`` but an inherited ``tearDown``; ``super().setUp()`` in the middle or inside a
block; ``Base.setUp(self)`` naming two bases; ``setUp = helper``, ``tearDown = setUp`` or
``from m import setUp`` in the class body; a decorated setUp), each lifecycle method of the
class is kept as a private helper method, and each ``super().setUp()`` statement in it becomes
a call of the next class's helper (the class that ``super()`` would reach, the same for every
test class that uses it). The fixture switches the parents' fixtures off and runs
``self._x_set_up()``, ``yield``, ``self._y_tear_down()``: the helpers of the classes unittest
would have called, which may be inherited ones.
Why: unittest calls ``self.setUp()`` and ``self.tearDown()``, and each reaches its parents
only through explicit calls; keeping those calls where they stand, under names unittest does
not call, gives the same order in every shape, where fixture composition can express only
"parent first, child last".
Example::

    class Base(TestCase):                     class Base(TestCase):
        def setUp(self): ...                      @pytest.fixture(autouse=True)
        def tearDown(self): ...                   def _base_setup(self):
                                                      self._base_set_up()
    class Child(Base):                                yield
        def setUp(self):              ->              self._base_tear_down()
            self.x = 1                            def _base_set_up(self): ...
                                                  def _base_tear_down(self): ...

                                              class Child(Base):
                                                  _base_setup = None
                                                  @pytest.fixture(autouse=True)
                                                  def _child_setup(self):
                                                      self._child_set_up()
                                                      yield
                                                      self._base_tear_down()
                                                  def _child_set_up(self):
                                                      self.x = 1

Refuses when: a helper would register cleanups (they would run before the fixture's
teardown: MF112), a lifecycle method is async (MF102) or changes per-phase state (MF119),
a binding is not one plain statement (MF103), an explicit ``Base.setUp(self)`` names a class
outside the hierarchy (MF106), and every lineage refusal of the plan.
"""

from __future__ import annotations

from collections.abc import Iterable

from transforms.bindings import resolve
from transforms.codes import Code
from transforms.facts import BodyFacts
from transforms.hierarchy import Hierarchy, MixinDisagreement
from transforms.names import fresh, snake

# Refusals of the inline form that the calls style may lift: shapes, not semantics.
SHAPE_CODES = frozenset(
    {
        Code.DECORATED,
        Code.NOT_A_FUNCTION,
        Code.SUPER_POSITION,
        Code.PARTIAL_OVERRIDE,
        Code.RETURN_FLOW,
        Code.NAME_CONFLICT,
        Code.GENERATOR,
        Code.SIGNATURE,
    }
)


# The parent call stays as written: it names a method that stays where it is.
KEEP = "="


class CallsRefused(Exception):
    """The calls style cannot express this class either."""

    def __init__(self, code: Code, line: int, message: str) -> None:
        super().__init__(message)
        self.code, self.line, self.message = code, line, message


def snake_method(name: str) -> str:
    """``setUpClass`` -> ``set_up_class``."""
    out = "".join(f"_{c.lower()}" if c.isupper() else c for c in name)
    return out.strip("_")


def closure(model: Hierarchy, seeds: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """The seeds and every class their helpers can call: all definers that follow them."""
    out: set[tuple[str, str]] = set()
    todo = list(seeds)
    while todo:
        qualname, level = todo.pop()
        if (qualname, level) in out:
            continue
        out.add((qualname, level))
        try:
            # The hierarchy's own answer (the planner's turns a disagreement into a refusal).
            chain = Hierarchy.parents(model, qualname, level)
        except MixinDisagreement:
            chain = []
        # Where users differ on what follows (here or further on), every class of every
        # chain: relays connect them, and a helper of each is called by name.
        chains = Hierarchy.user_chains(model, qualname, level)
        chain = list(dict.fromkeys([*chain, *(k for c in chains for k in c)]))
        todo.extend((p, level) for p in chain)
    return out


# Why a cleanup that asserts is refused (MF111), in both styles.
# Why a lifecycle name bound otherwise than by one plain def is refused (MF103), in both styles.
BOUND_OTHERWISE = (
    "is bound by an assignment, an import, a second def or a def in an if/try block of the"
    " class body"
)
ASSERTING_CLEANUP = (
    "a cleanup that asserts (enterContext(self.assertNoLogs()), addCleanup(self.assert...)):"
    " under unittest its failure fails the test; in a fixture's teardown it would be an error"
)


def check_helper_body(facts: BodyFacts, level: str) -> None:
    """A lifecycle method that stays a method and is called from a fixture. At function
    level its ``self.addCleanup`` calls are fine: the fixture takes them on its stack (see
    ``Planner._decide_calls``); ``doCleanups()`` and class-level cleanups are not."""
    if facts.is_async:
        raise CallsRefused(Code.ASYNC, facts.line, f"async {facts.name}")
    if facts.asserting_cleanup is not None:
        raise CallsRefused(Code.CLEANUP_USAGE, facts.asserting_cleanup, ASSERTING_CLEANUP)
    registers = facts.cleanup_calls > facts.cleanup_closes and level == "function"
    if facts.cleanup_closes or (facts.cleanup_calls and not registers) or facts.cleanup_problem:
        raise CallsRefused(
            Code.CLEANUP_ORDER,
            facts.cleanup_problem or facts.line,
            f"cleanups registered in {facts.name} would run before the fixture's teardown",
        )
    if level == "function" and facts.phase_state is not None:
        raise CallsRefused(
            Code.PHASE_STATE,
            facts.phase_state,
            f"{facts.name} changes state pytest resets between the setup and call phases",
        )
    if level == "class" and "classmethod" not in facts.decorators:
        raise CallsRefused(Code.DECORATED, facts.line, f"{facts.name} is not a classmethod")


class CallsModel:
    """Helper names and call targets of the classes planned in calls style."""

    def __init__(self, model: Hierarchy) -> None:
        self.model = model
        self.helpers: dict[tuple[str, str], str] = {}

    def name(self, qualname: str, method: str, taken: set[str]) -> str:
        key = (qualname, method)
        if key not in self.helpers:
            info = self.model.classes[qualname]
            self.helpers[key] = fresh(f"_{snake(info.name)}_{snake_method(method)}", taken)
            taken.add(self.helpers[key])
        return self.helpers[key]

    def helper_of(self, qualname: str, method: str) -> str:
        found = self.helpers.get((qualname, method))
        if found is None:
            line = self.model.classes[qualname].line
            raise CallsRefused(Code.RELATED_REFUSED, line, f"{qualname} has no {method} helper")
        return found

    def after(self, qualname: str, level: str, method: str) -> str | None:
        """The helper ``super().method()`` reaches from ``qualname``; None at TestCase."""
        try:
            nxt = self.model.successor(qualname, level, names=(method,))
        except MixinDisagreement as disagreement:
            line = self.model.classes[qualname].line
            raise CallsRefused(Code.MIXIN, line, disagreement.detail) from None
        return None if nxt is None else self.helper_of(nxt, method)

    def entry(self, qualname: str, level: str, method: str) -> str | None:
        """What ``self.method()`` runs for an instance of a class whose MRO reaches
        ``qualname`` first: its own helper, or the next one."""
        if self.model.defines(qualname, (method,)):
            return self.helper_of(qualname, method)
        return self.after(qualname, level, method)

    def starting_after(self, qualname: str, level: str, method: str, spelled: str) -> str | None:
        """The helper ``super(Spelled, self).method()`` reaches from inside ``qualname``: the
        next class defining the method after ``Spelled`` in the MRO (``Spelled`` is
        ``qualname`` or one of its bases; the same for every user)."""
        info = self.model.classes[qualname]
        module = self.model.modules[info.module]
        resolved = resolve(spelled, module.aliases, module.module, module.top_names)
        target = self.model.known(resolved)
        if target is None or target not in self.model.mro(qualname):
            raise CallsRefused(
                Code.SUPER_POSITION, info.line, f"super({spelled}, ...) names no class of the MRO"
            )
        return self.after(target, level, method)

    def explicit(self, qualname: str, level: str, method: str, spelled: str) -> str | None:
        """The helper ``Spelled.method(self)`` reaches, from inside ``qualname``."""
        info = self.model.classes[qualname]
        module = self.model.modules[info.module]
        resolved = resolve(spelled, module.aliases, module.module, module.top_names)
        if self.model.kind(resolved) == "testcase":
            return None  # TestCase's own lifecycle methods do nothing
        target = self.model.known(resolved)
        if target is None or target not in self.model.mro(qualname)[1:]:
            raise CallsRefused(
                Code.SUPER_POSITION, info.line, f"{spelled}.{method}(self) names no parent class"
            )
        for klass in self.model.reach(target):
            if not self.model.defines(klass, (method,)):
                continue
            if (klass, method) in self.helpers:
                return self.helper_of(klass, method)
            if not self.model.users(klass) and not self.model.has_unknown_base(klass):
                # unittest never runs that class's lifecycle, so it is never converted:
                # ``Mixin.setUp(self)`` still finds the method it always found.
                return KEEP
            return self.helper_of(klass, method)
        return None
