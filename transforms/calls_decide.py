"""The calls-style plan of one class: its lifecycle methods stay methods (helpers) that one
fixture calls, each parent call pointing at the helper it reaches.

What it does: ``decide_calls`` checks a class planned in calls style (``calls_plan``'s
closure: a shape a fixture chain cannot express, and every class its helpers call), names its
helpers, maps each ``super()``/explicit parent call to the helper it reaches (or to a relay
method each test class defines, when that differs between them: ``relay_plan.call_relays``),
and decides whether the fixture takes the test's cleanups.
Why apart from ``transforms.plan``: the planner decides the fixture style and the run; this
module is the one decision of the other style.
Example: ``Quiet.setUp`` with ``super().setUp()`` after other code -> helper
``_quiet_set_up`` calling ``self._base_set_up()``; fixture ``_quiet_setup`` calls it.
Refuses when: as ``calls_plan.check_helper_body`` and the lineage checks say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from transforms.calls_plan import BOUND_OTHERWISE, KEEP, CallsRefused, check_helper_body
from transforms.codes import Code
from transforms.hierarchy import LEVELS
from transforms.names import fresh
from transforms.plan_types import LevelPlan
from transforms.refused import Refused
from transforms.relay_plan import call_relays, method_successors

if TYPE_CHECKING:
    from transforms.plan import Planner


def decide_calls(planner: Planner, qualname: str, level: str) -> LevelPlan:
    """The calls-style plan of one class (see ``transforms.calls_plan``)."""
    info = planner.classes[qualname]
    planner._check_lineage(qualname, level)
    names = LEVELS[level]
    try:
        for name in names:
            if name in info.bound_otherwise and name not in info.simple_bindings:
                message = f"{name} {BOUND_OTHERWISE}"
                raise Refused(Code.NOT_A_FUNCTION, info.line, message)
            if name in info.methods:
                check_helper_body(info.methods[name], level)
        planner._check_references(qualname, level)
        if level == "function":
            planner._check_skips(qualname)
        parents = _calls_parents(planner, qualname, level)
        disables = tuple(planner.parent_fixture(p, level) for p in parents)
        fixture = planner._fixture_name(qualname, level)
        taken = planner.taken_names(qualname) | {fixture}
        own = [n for n in names if planner.defines(qualname, (n,))]
        helpers = tuple((n, planner.calls.name(qualname, n, taken)) for n in own)
        parent_calls = tuple(_calls_parent_calls(planner, qualname, level))
        entries = (
            _calls_entry(planner, qualname, level, names[0]),
            _calls_entry(planner, qualname, level, names[1]),
        )
        # A calls-style fixture holds its whole chain: at function level, cleanups that
        # helpers or tests register join its stack and run after the teardown.
        function = level == "function"
        below = function and planner._torn_below(qualname, names)
        redirect = planner._check_body_cleanups(
            qualname, level, entries[1] is not None, False, function, False, below
        )
        # A kept ``Mixin.setUp(self)`` call runs code the plan did not read: take its
        # cleanups too.
        kept = any(target == KEEP for _m, _s, target in parent_calls)
        redirect = redirect or (function and (kept or _chain_registers(planner, qualname, parents)))
    except CallsRefused as refused:
        raise Refused(refused.code, refused.line, refused.message) from None
    return LevelPlan(
        level=level,
        fixture=fixture,
        setup=names[0] if names[0] in own else None,
        teardown=names[1] if names[1] in own else None,
        param="self" if level == "function" else "cls",
        disables=disables,
        calls=True,
        redirect=redirect,
        stack=fresh("cleanups", planner.taken_names(qualname)) if redirect else None,
        skip_guard=planner.needs_skip_guard(qualname, level),
        plain_guard=planner._plain_guard(qualname, level, False, None),
        helpers=helpers,
        entries=entries,
        parent_calls=parent_calls,
    )


def _chain_registers(planner: Planner, qualname: str, parents: list[str]) -> bool:
    """Whether a lifecycle method of the class or of the parents its helpers call
    registers cleanups."""
    return any(
        facts.cleanup_calls
        for klass in (qualname, *parents)
        for facts in planner.classes[klass].methods.values()
    )


def _calls_parents(planner: Planner, qualname: str, level: str) -> list[str]:
    """Every class a calls-style fixture's helpers can reach: the one chain, or, for a
    mixin whose users differ, every class of every chain (relays pick per user)."""
    try:
        return planner.parents(qualname, level)
    except Refused:
        chains = planner.user_chains(qualname, level)
        if len(chains) < 2:
            raise
        return list(dict.fromkeys(k for chain in chains for k in chain))


def _calls_after(planner: Planner, qualname: str, level: str, method: str) -> str | None:
    """What ``super().method()`` calls from ``qualname`` in calls style: the helper it
    reaches, None at ``TestCase``, or, when that differs between users, the relay each
    of them gets (``relay_plan.call_relays``)."""
    successors = method_successors(planner, qualname, method)
    if len(set(successors.values())) < 2:
        return planner.calls.after(qualname, level, method)
    key = (qualname, level)
    for _host, relay in planner.relays.get(key, ()):
        if relay.method == method:
            return relay.name
    relays = call_relays(planner, qualname, level, method, successors)
    planner.relays[key] = (*planner.relays.get(key, ()), *relays)
    return relays[0][1].name


def _calls_entry(planner: Planner, qualname: str, level: str, method: str) -> str | None:
    """What ``self.method()`` runs for the users of ``qualname`` (``CallsModel.entry``,
    with a relay where users differ)."""
    if planner.defines(qualname, (method,)):
        return planner.calls.helper_of(qualname, method)
    return _calls_after(planner, qualname, level, method)


def _calls_parent_calls(planner: Planner, qualname: str, level: str) -> list[tuple[str, str, str]]:
    """(method, spelling, helper) for every parent call in the class's own methods."""
    out: list[tuple[str, str, str]] = []
    for name, facts in planner.classes[qualname].methods.items():
        if name not in LEVELS[level]:
            continue
        for call in facts.super_calls:
            spelled = call.explicit or (f"super:{call.after}" if call.after else "")
            if call.after is not None:
                target = planner.calls.starting_after(qualname, level, name, call.after)
            elif call.explicit is None:
                target = _calls_after(planner, qualname, level, name)
            else:
                target = planner.calls.explicit(qualname, level, name, call.explicit)
            entry = (name, spelled, target or "")
            if entry not in out:
                out.append(entry)
    return out
