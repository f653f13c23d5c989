"""Refused classes left to unittest, under parents whose lifecycles become fixtures.

What it does: a test class refused for what its own lifecycle does (a setUp that changes
per-phase state, a wrapper, a skip decorator that cannot become a mark, ...) stays a plain
unittest class, while the parents it inherits from are converted in calls style (their
lifecycle methods kept as helper methods the fixtures call). The refused class switches the
parents' fixtures off (``_base_setup = None``), keeps its own ``setUp``/``tearDown``, where
each ``super().setUp()`` statement now calls the helper that ``super()`` reached, and gains
a ``setUp``/``tearDown`` that calls the helper for each one it inherited from a converted
parent. unittest then runs exactly the code it ran before, in the same order.
Why: without it, one refused leaf refuses every class of its hierarchy (MF114): a suite lost
whole hierarchies to one test class that replaces ``sys.stderr`` in its setUp.
Example::

    class Base(TestCase):                      class Base(TestCase):
        def setUp(self): self.a = 1                @pytest.fixture(autouse=True)
        def tearDown(self): self.a = 0             def _base_setup(self): ...
                                                   def _base_set_up(self): self.a = 1
    class Quiet(Base):                             def _base_tear_down(self): self.a = 0
        def setUp(self):              ->
            super().setUp()                    class Quiet(Base):
            warnings.simplefilter("ignore")        _base_setup = None
                                                   def setUp(self):
                                                       self._base_set_up()
                                                       warnings.simplefilter("ignore")
                                                   def tearDown(self):
                                                       self._base_tear_down()

Refuses when: it never refuses by itself; a refused class is kept only when its whole
lineage up to ``TestCase`` is known, every converted parent it reaches is in calls style
with helpers that need nothing from the fixture (no temporary paths, environment or
working directory), every refused definer of its lineage comes before
every converted one, and its own lifecycle methods mention lifecycle methods only in plain
``super().setUp()`` statements. Otherwise the refusal spreads (MF114) as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from transforms.bindings import resolve
from transforms.calls_plan import KEEP, CallsRefused
from transforms.codes import Code
from transforms.hierarchy import CLASS_DECORATOR, LEVELS, MixinDisagreement
from transforms.plan_types import KeptPlan, LevelPlan

if TYPE_CHECKING:
    from transforms.plan import Planner

LEVEL = "function"
# Refusals about the class's own lifecycle (or a wrapper around it): left to unittest, the
# class runs as before. Lineage refusals (unknown bases, mixins) are not: there the chain
# from the class to its parents is not known.
KEEPABLE = frozenset(
    {
        Code.ASYNC,
        Code.RETURN_FLOW,
        Code.CLEANUP_USAGE,
        Code.NAME_CONFLICT,
        Code.RELATED_REFUSED,
        Code.GENERATOR,
        Code.SIGNATURE,
        Code.PHASE_STATE,
    }
)
# Not kept: a wrapper (MF121) or an unmarkable skip (MF120) of a test class also refuses
# every parent whose lifecycle it runs (the parents' own checks read their users); a
# cleanup-order refusal (MF112) depends on the parents' plan, so a second run on the output
# could convert the class after all (every code kept here is about the class's own body,
# which a second run reads the same).


def keep_candidate(planner: Planner, qualname: str) -> bool:
    """Whether a refused class may be kept once its parents are in calls style."""
    refusal = planner.refused.get((qualname, LEVEL))
    if refusal is None:
        return False
    info = planner.classes[qualname]
    if planner.modules[info.module].read_only:
        return False
    reach = planner.reach(qualname)
    mro = planner.mro(qualname)
    # (``object``, ``Generic`` and ``Protocol`` define no lifecycle: transparent.)
    known = [e in planner.classes or planner.kind(e) == "object" for e in reach]
    if not all(known) or any(e in planner.ambiguous for e in reach):
        return False
    if not (len(mro) > len(reach) and planner.kind(mro[len(reach)]) == "testcase"):
        return False
    # A base outside the run whose lifecycle unittest keeps running (the lineage is known:
    # the class was indexed, read-only): a class left to unittest runs it as before.
    outside = refusal.code is Code.UNKNOWN_BASE and any(_locked(planner, e) for e in reach)
    return refusal.code in KEEPABLE or outside or _own_decorator(planner, qualname)


def _own_decorator(planner: Planner, qualname: str) -> bool:
    """Refused for a class decorator of its own that the tool cannot read, and for nothing
    else that wraps: left to unittest, the decorator gets the class it got, whose lifecycle
    methods run the same code (the parents' now through their helpers)."""
    refusal = planner.refused[(qualname, LEVEL)]
    if refusal.code is not Code.WRAPPED:
        return False
    own = planner.wrapping(qualname, LEVEL)
    if own is None or not own.startswith(CLASS_DECORATOR):
        return False
    # Nothing else of its users' reach may wrap (a decorator below decides for itself).
    return all(
        planner.blocking_wrapper(qualname, user, LEVEL) in (None, (qualname, own))
        for user in [qualname, *planner.users(qualname)]
    )


def _locked(planner: Planner, qualname: str) -> bool:
    """A definer outside the run: never rewritten, so it stays unittest like a kept class."""
    info = planner.classes.get(qualname)
    if info is None:
        return False
    return planner.modules[info.module].read_only and planner.defines(qualname, LEVELS[LEVEL])


def _stays(planner: Planner, qualname: str) -> bool:
    """A definer whose lifecycle unittest keeps running: refused, or outside the run."""
    return (qualname, LEVEL) in planner.refused or _locked(planner, qualname)


def kept_plans(planner: Planner) -> dict[str, KeptPlan]:
    """Every refused class that can be kept, with its plan (see the module docstring)."""
    out: dict[str, KeptPlan] = {}
    for qualname in sorted(planner.classes):
        if (qualname, LEVEL) in planner.refused and keep_candidate(planner, qualname):
            plan = _kept_plan(planner, qualname)
            if plan is not None:
                out[qualname] = plan
    # A refused definer above a kept class must be kept too (it stays unittest as well).
    changed = True
    while changed:
        changed = False
        for qualname in list(out):
            for entry in planner.reach(qualname)[1:]:
                refused = (entry, LEVEL) in planner.refused
                if refused and planner.defines(entry, LEVELS[LEVEL]) and entry not in out:
                    # (A definer outside the run is never in ``refused``: it stays as it is.)
                    del out[qualname]
                    changed = True
                    break
    return out


def _kept_plan(planner: Planner, qualname: str) -> KeptPlan | None:
    reach = planner.reach(qualname)
    definers = [e for e in reach if planner.defines(e, LEVELS[LEVEL])]
    converted = [e for e in definers if (e, LEVEL) in planner.planned]
    if not converted:
        return None  # nothing of its lineage becomes a fixture: the plain refusal holds
    first = min(reach.index(e) for e in converted)
    if any(_stays(planner, e) for e in reach[first:] if e in definers):
        return None
    if not all(_helpers_only(planner.planned[(e, LEVEL)]) for e in converted):
        return None
    try:
        calls = _parent_calls(planner, qualname)
        stubs = _stubs(planner, qualname)
    except (CallsRefused, MixinDisagreement):
        return None
    if calls is None:
        return None
    kept_above = [e for e in reach[1:first] if (e, LEVEL) in planner.refused]
    covered = {c for e in kept_above for c in planner.reach(e)}
    disables = tuple(planner.planned[(e, LEVEL)].fixture for e in converted if e not in covered)
    return KeptPlan(disables=disables, stubs=stubs, parent_calls=calls)


def _helpers_only(plan: LevelPlan) -> bool:
    """A calls-style plan whose helpers need nothing from the fixture. (A cleanup stack is
    fine: the fixture points ``self.addCleanup`` at it only for the classes it runs for; a
    kept class's helpers register with unittest, as they did.)"""
    needs_fixture = (
        plan.temp or plan.dirs or plan.drops or plan.chdir or plan.env or plan.env_restores
    )
    return plan.calls and not needs_fixture and not plan.requests


def _parent_calls(planner: Planner, qualname: str) -> tuple[tuple[str, str, str], ...] | None:
    """(method, spelling, helper or KEEP) of each parent call in the class's own setUp and
    tearDown; None when a method mentions a lifecycle method in any other way."""
    info = planner.classes[qualname]
    out: list[tuple[str, str, str]] = []
    for name in LEVELS[LEVEL]:
        facts = info.methods.get(name)
        if facts is None:
            if name in info.bound_otherwise:
                return None
            continue
        if facts.lifecycle_mentions != len(facts.super_calls):
            return None
        for call in facts.super_calls:
            if call.after is not None:
                return None
            if call.explicit is None:
                entry = (name, "", _helper_after(planner, qualname, name) or KEEP)
            else:
                target = _explicit_target(planner, qualname, name, call.explicit)
                if target is None:
                    return None
                entry = (name, call.explicit, target)
            if entry not in out:
                out.append(entry)
    return tuple(out)


def _explicit_target(planner: Planner, qualname: str, method: str, spelled: str) -> str | None:
    """The helper ``Spelled.method(self)`` reaches (KEEP when it reaches a class unittest
    still runs, or ``TestCase``); None when ``Spelled`` is not a known class of the MRO.
    The call looks the method up on ``Spelled``'s own MRO, as Python does."""
    info = planner.classes[qualname]
    module = planner.modules[info.module]
    resolved = resolve(spelled, module.aliases, module.module, module.top_names)
    if planner.kind(resolved) == "testcase":
        return KEEP
    target = planner.known(resolved)
    if target is None or target not in planner.mro(qualname)[1:]:
        return None
    for klass in planner.reach(target):
        if not planner.defines(klass, (method,)):
            continue
        if (klass, LEVEL) not in planner.planned:
            return KEEP
        # A converted class outside the kept class's own reach was not checked for
        # helpers that need nothing from its fixture (``_helpers_only``).
        return planner.calls.helper_of(klass, method) if klass in planner.reach(qualname) else None
    return KEEP


def _stubs(planner: Planner, qualname: str) -> tuple[tuple[str, str], ...]:
    """(method, helper) for each lifecycle method inherited from a converted parent."""
    info = planner.classes[qualname]
    out: list[tuple[str, str]] = []
    for name in LEVELS[LEVEL]:
        if name in info.methods or name in info.bound_otherwise:
            continue
        helper = _helper_after(planner, qualname, name)
        if helper:
            out.append((name, helper))
    return tuple(out)


def _helper_after(planner: Planner, qualname: str, method: str) -> str | None:
    """The helper of the converted class ``super().method()`` reaches from ``qualname``;
    None when it reaches a class that stays unittest (or ``TestCase``)."""
    nxt = planner.successor(qualname, LEVEL, names=(method,))
    if nxt is None or (nxt, LEVEL) not in planner.planned:
        return None
    return planner.calls.helper_of(nxt, method)
