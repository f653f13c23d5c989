"""Cooperative mixins whose successor differs between users: one fixture, per-user relays.

What it does: a mixin's ``super().setUp()`` reaches whatever follows the mixin in the MRO of
the test class being run, and that differs between the classes that use it (``T1(Mixin,
Base)`` reaches ``Base``, ``T2(Mixin, Other, Base)`` reaches ``Other``). The mixin's fixture
then requests a relay fixture, ``_mixin_next``, instead of a parent fixture; each test class
whose successor differs from the one it inherits gets a relay that requests its own
successor's fixture (or nothing, when ``super()`` reaches ``TestCase``). pytest looks a
fixture name up on the test's class, through its MRO, as unittest looked ``setUp`` up: so each
test class runs the mixin's setup right after the setup that ran before it under unittest,
and its teardown right before.

Example::

    class Mixin:                                class Mixin:
        def setUp(self):                            @pytest.fixture(autouse=True)
            super().setUp()                         def _mixin_setup(self, _mixin_next):
            self.log = []                               self.log = []
                                         ->
    class T1(Mixin, Base): ...                  class T1(Mixin, Base):
                                                    @pytest.fixture
    class T2(Mixin, Other, Base): ...               def _mixin_next(self, _base_setup):
                                                        '''Mixin's super().setUp() ...'''

Refuses when: the fixture would not be the same for every chain (the super() calls are not
first in setUp and last in tearDown for one of them, an explicit parent call, a parent that
takes the test's cleanups in one chain only, cleanups ordered differently), or a class that
needs a relay cannot get one (outside the run, nested, or defined twice in its file).
Why here: ``transforms.plan`` decides one class against one chain; this module only asks it
once per chain and places the relays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from transforms.codes import Code
from transforms.facts import BodyFacts
from transforms.hierarchy import Hierarchy, differs_words
from transforms.names import fresh, snake
from transforms.plan_types import Relay
from transforms.refused import Refused

if TYPE_CHECKING:
    from transforms.plan import Planner


class ChainOutcome(NamedTuple):
    """What one chain makes of a class's fixture; a composed fixture needs one for all."""

    mode: str
    redirected: bool
    redirect: bool


class Composition(NamedTuple):
    """The decision for a class whose users disagree on what follows it."""

    mode: str  # "chain" (the relay is requested) or "override" (every parent switched off)
    parents: list[str]  # every parent of every chain, nearest first
    outcome: ChainOutcome
    relays: tuple[tuple[str, Relay], ...]  # (host class, relay): empty for "override"


def describe(planner: Planner, qualname: str, chains: dict[tuple[str, ...], list[str]]) -> str:
    """``T1 -> Base, T2 -> Other`` (the first user of each chain, and what it reaches)."""
    info = planner.classes[qualname]
    words = differs_words(
        (users[0], chain[0] if chain else None) for chain, users in chains.items()
    )
    return f"{info.name} ({info.path}:{info.line}): {words}"


def compose(
    planner: Planner,
    qualname: str,
    level: str,
    setup: BodyFacts | None,
    teardown: BodyFacts | None,
    chains: dict[tuple[str, ...], list[str]],
) -> Composition:
    """Decide the class once per chain; one outcome for all, or ``Refused``."""
    has_super = any(b.super_calls for b in (setup, teardown) if b)
    outcomes: set[ChainOutcome] = set()
    for chain in chains:
        parents = list(chain)
        try:
            mode = planner.chain_mode(qualname, setup, teardown, parents, level)
            redirected = planner.chain_redirected(level, mode, parents)
            redirect = planner.chain_cleanups(qualname, level, mode, parents, redirected)
        except Refused as refused:
            # The chain's own reason, with the users it concerns.
            users = ", ".join(u.rsplit(".", 1)[-1] for u in chains[chain])
            message = f"{refused.message} (in {users}, where {describe(planner, qualname, chains)})"
            raise Refused(refused.code, refused.line, message) from None
        if mode == "alone":  # nothing follows: the same fixture as either, requesting nothing
            mode = "chain" if has_super else "override"
        outcomes.add(ChainOutcome(mode, redirected, redirect))
    line = planner.classes[qualname].line
    if len(outcomes) > 1:
        message = f"{describe(planner, qualname, chains)}; the fixture would differ between them"
        raise Refused(Code.MIXIN, line, message)
    outcome = outcomes.pop()
    parents = list(dict.fromkeys(k for chain in chains for k in chain))
    relays: tuple[tuple[str, Relay], ...] = ()
    if outcome.mode == "chain":
        relays = _relays(planner, qualname, level, chains)
    return Composition(outcome.mode, parents, outcome, relays)


def _relays(
    planner: Planner, qualname: str, level: str, chains: dict[tuple[str, ...], list[str]]
) -> tuple[tuple[str, Relay], ...]:
    """(host, relay) for each user whose successor differs from the relay it would inherit."""
    successor = {user: (chain[0] if chain else None) for chain, us in chains.items() for user in us}
    placed = _placements(planner, qualname, successor)
    name = relay_name(planner, qualname, level, placed)
    mixin = planner.classes[qualname].name
    out = []
    for host, target in placed.items():
        fixture = planner.parent_fixture(target, level) if target else ""
        reached = planner.classes[target].name if target else "unittest.TestCase"
        relay = Relay(level, name, mixin, fixture, reached)
        out.append((host, relay))
    return tuple(out)


def _placements(
    planner: Planner, qualname: str, successor: dict[str, str | None]
) -> dict[str, str | None]:
    """host -> what follows the mixin there: a relay on each user whose successor differs
    from the relay it would inherit (every host checked)."""
    placed: dict[str, str | None] = {}
    # A base's MRO is shorter than its subclasses': bases get their relays first.
    for user in sorted(successor, key=lambda u: (len(planner.mro(u)), u)):
        inherited = [placed[k] for k in planner.mro(user)[1:] if k in placed]
        if not inherited or inherited[0] != successor[user]:
            placed[user] = successor[user]
    for host in placed:
        _check_host(planner, qualname, host)
    return placed


def method_successors(planner: Planner, qualname: str, method: str) -> dict[str, str | None]:
    """user -> the class ``super().method()`` reaches from ``qualname`` in that user's MRO
    (None: ``TestCase``)."""
    out: dict[str, str | None] = {}
    for user in planner.users(qualname):
        chain = [k for k in planner.reach(user) if k == qualname or planner.defines(k, (method,))]
        if qualname in chain:
            at = chain.index(qualname) + 1
            out[user] = chain[at] if at < len(chain) else None
    return out


def call_relays(
    planner: Planner, qualname: str, level: str, method: str, successor: dict[str, str | None]
) -> tuple[tuple[str, Relay], ...]:
    """Calls style, for a mixin whose ``super().method()`` reaches different classes in
    different users: a relay method on each host that calls the helper reached there (or
    does nothing, at ``TestCase``). The mixin's helper calls the relay, which Python looks
    up on the test's class, through its MRO, as it resolved ``super()``."""
    placed = _placements(planner, qualname, successor)
    taken = planner.taken_names(qualname)
    for host in placed:
        taken |= planner.taken_names(host)
    mixin = planner.classes[qualname].name
    name = fresh(f"_{snake(mixin)}_next_{snake(method)}", taken)
    out = []
    for host, target in placed.items():
        helper = planner.calls.helper_of(target, method) if target else ""
        reached = planner.classes[target].name if target else "unittest.TestCase"
        out.append((host, Relay(level, name, mixin, helper, reached, method)))
    return tuple(out)


def unwritable(planner: Hierarchy, qualname: str) -> str:
    """Why the rewrite cannot add to or change a class's body, or "" when it can: it finds
    the module-level classes of the run by name."""
    info = planner.classes[qualname]
    if planner.modules[info.module].read_only:
        return "is outside the run"
    if not info.module_level:
        return "is not defined at module level"
    if qualname in planner.ambiguous:
        return "is defined more than once in its file"
    return ""


def _check_host(planner: Planner, qualname: str, host: str) -> None:
    info = planner.classes[host]
    why = unwritable(planner, host)
    if why:
        mixin = planner.classes[qualname]
        message = (
            f"{mixin.name}: what follows it differs between users, and {info.name}"
            f" ({info.path}:{info.line}), which needs its own relay, {why}"
        )
        raise Refused(Code.MIXIN, mixin.line, message)


def relay_name(planner: Planner, qualname: str, level: str, hosts: dict[str, str | None]) -> str:
    """A name free in the mixin's hierarchy and in every host's."""
    taken = planner.taken_names(qualname)
    for host in hosts:
        taken |= planner.taken_names(host)
    suffix = "next" if level == "function" else "class_next"
    return fresh(f"_{snake(planner.classes[qualname].name)}_{suffix}", taken)
