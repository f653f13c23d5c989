"""What a class's fixture makes of the chain of parents ``super()`` reaches.

What it does: decides, against one chain of parents (nearest first), whether a class's
lifecycle becomes a fixture that requests the parent fixture ("chain": super() first in the
setup, last in the teardown), one that switches the parents off ("override": no super()), or
stands alone (nothing follows it); and whether the cleanups registered around that fixture
keep unittest's order, and when the fixture must take the cleanups a test registers
(``self.addCleanup = cleanups.callback``).
Why: these are the questions a chain answers; ``transforms.plan`` asks them once per class,
``transforms.relay_plan`` once per chain of a mixin whose users differ.
Example: ``chain_mode(q, setup, teardown, ["pkg.Base"], "function") == "chain"``.
Refuses when: super() in the middle, nested, or explicit to another class (MF106); setUp and
tearDown disagree about super() (MF108); a return before a final super() (MF109); cleanups
that would run in another order than unittest's (MF112).
"""

from __future__ import annotations

from collections.abc import Iterable

from transforms.bindings import resolve
from transforms.codes import Code
from transforms.facts import BodyFacts
from transforms.hierarchy import LEVELS, TESTCASE
from transforms.plan_types import LevelPlan
from transforms.refused import Refused
from transforms.resource_plan import ResourcePlanner
from transforms.unittest_api import FUNCTION_LEVEL

CLEANUP_ATTRS = {
    "function": frozenset({"addCleanup", "enterContext", "doCleanups"}),
    "class": frozenset({"addClassCleanup", "enterClassContext", "doClassCleanups"}),
}


class ChainPlanner(ResourcePlanner):
    """The super()-chain and cleanup-order decisions of the planner."""

    planned: dict[tuple[str, str], LevelPlan]

    def chain_mode(
        self,
        qualname: str,
        setup: BodyFacts | None,
        teardown: BodyFacts | None,
        parents: list[str],
        level: str,
    ) -> str:
        """ "chain", "override" or "alone" (no parent defines the level)."""
        statuses = {}
        for facts, wanted in ((setup, ("first", "only")), (teardown, ("last", "only"))):
            statuses[id(facts)] = self._super_status(qualname, facts, wanted, parents)
        names = LEVELS[level]
        inherited = {n: any(n in self.classes[p].methods for p in parents) for n in names}
        status = {
            names[0]: statuses[id(setup)] if setup else "absent",
            names[1]: statuses[id(teardown)] if teardown else "absent",
        }
        relevant = [status[n] for n in names if inherited[n]]
        if not parents:
            return "alone"
        if all(s in ("absent", "chain") for s in relevant):
            return "chain"
        if all(s == "none" for s in relevant):
            return "override"
        line = self.classes[qualname].line
        raise Refused(
            Code.PARTIAL_OVERRIDE,
            line,
            f"{names[0]} {status[names[0]]} / {names[1]} {status[names[1]]} against the parent",
        )

    def _super_status(
        self, qualname: str, facts: BodyFacts | None, wanted: tuple[str, ...], parents: list[str]
    ) -> str:
        if facts is None:
            return "absent"
        calls = facts.super_calls
        for call in calls:
            if call.after is not None:
                message = f"super({call.after}, ...).{facts.name}() starts after {call.after}"
                raise Refused(Code.SUPER_POSITION, call.line, message)
            if call.explicit is not None and not self._explicit_ok(
                qualname, call.explicit, parents
            ):
                raise Refused(
                    Code.SUPER_POSITION, call.line, f"explicit call {call.explicit}.{facts.name}"
                )
        if not calls:
            return "none"
        if (
            wanted[0] == "first"
            and facts.skips is not None
            and self._parents_tear_down(facts.name, parents)
        ):
            # A skip in a setUp that calls super() skips the parents' tearDown too; a parent
            # fixture, already set up, would still tear down. (The calls style can.)
            message = f"a skip in {facts.name}, which calls super(), skips the parents' teardown"
            raise Refused(Code.RETURN_FLOW, facts.skips, message)
        if not parents or not any(facts.name in self.classes[p].methods for p in parents):
            # super() reaches unittest.TestCase's no-op: dropped wherever it stands at top level.
            nested = [c for c in calls if c.position == "nested"]
            if nested:
                raise Refused(Code.SUPER_POSITION, nested[0].line, "super() call inside a block")
            return "chain"
        if len(calls) == 1 and calls[0].position in wanted:
            if wanted[0] == "last" and facts.has_return:
                # An early return skipped the parent's tearDown; the parent fixture cannot.
                message = f"return before super().{facts.name}()"
                raise Refused(Code.RETURN_FLOW, facts.line, message)
            return "chain"
        where = "first" if wanted[0] == "first" else "last"
        raise Refused(
            Code.SUPER_POSITION,
            calls[0].line,
            f"super().{facts.name}() is not the {where} statement",
        )

    def _parents_tear_down(self, setup_name: str, parents: list[str]) -> bool:
        teardown = next(t for s, t in LEVELS.values() if s == setup_name)
        return any(teardown in self.classes[p].methods for p in parents)

    def _explicit_ok(self, qualname: str, target: str, parents: list[str]) -> bool:
        """``Target.setUp(self)`` is the parent call when Target is the nearest definer."""
        module = self.modules[self.classes[qualname].module]
        resolved = resolve(target, module.aliases, module.module, module.top_names)
        if parents:
            return self.known(resolved) == parents[0]
        return resolved in TESTCASE

    def chain_cleanups(
        self, qualname: str, level: str, mode: str, parents: list[str], redirected: bool
    ) -> bool:
        """Refuse cleanup orders a fixture cannot keep; True when the fixture must take the
        cleanups that tests register (see ``_check_body_cleanups``)."""
        info = self.classes[qualname]
        names = LEVELS[level]
        own_calls = sum(info.methods[n].cleanup_calls for n in names if n in info.methods)
        chain = [qualname, *parents] if mode == "chain" else [qualname]
        closes = sum(info.methods[n].cleanup_closes for n in names if n in info.methods)
        if closes and redirected:
            raise Refused(
                Code.CLEANUP_ORDER,
                info.line,
                "doCleanups() here would not run the cleanups a parent fixture holds",
            )
        if closes and mode == "chain":
            for parent in parents:
                if any(
                    n in self.classes[parent].methods
                    and self.classes[parent].methods[n].cleanup_calls
                    for n in names
                ):
                    raise Refused(
                        Code.CLEANUP_ORDER,
                        info.line,
                        "doCleanups() here would not run the cleanups of "
                        + parent.rsplit(".", 1)[-1],
                    )
        if own_calls and mode == "chain" and not redirected:
            for parent in parents:
                if names[1] in self.classes[parent].methods:
                    raise Refused(
                        Code.CLEANUP_ORDER,
                        info.line,
                        f"cleanups here would run before {parent.rsplit('.', 1)[-1]}.{names[1]}",
                    )
        has_teardown = any(names[1] in self.classes[c].methods for c in chain)
        registers = self._register_cleanups(chain, names)
        root = mode != "chain" or not parents
        holds = root and level == "function"
        needed = self._check_body_cleanups(
            qualname,
            level,
            has_teardown,
            registers,
            holds,
            redirected,
            below=holds and self._torn_below(qualname, names),
        )
        return needed or (holds and self._setup_cleanups_outlive_teardowns(qualname, names))

    def _setup_cleanups_outlive_teardowns(self, qualname: str, names: tuple[str, str]) -> bool:
        """Whether, in a test class that runs this fixture's chain, a class before it whose
        setUp registers cleanups is followed by one with a tearDown (``T(FakeDists,
        LoggingCatcher, Base)``): unittest ran those cleanups after that tearDown, while the
        fixture's own stack would unwind them before it. The fixture holding the chain then
        takes them (and every class's ``self.addCleanup`` joins its stack)."""
        for before in self._user_prefixes(qualname):
            chain = [*before, qualname]
            for index, klass in enumerate(before):
                setup = self.classes[klass].methods.get(names[0])
                if setup is None or not setup.cleanup_calls:
                    continue
                if any(names[1] in self.classes[k].methods for k in chain[index + 1 :]):
                    return True
        return False

    def _torn_below(self, qualname: str, names: tuple[str, str]) -> bool:
        """Whether a fixture chained under this one has a teardown (``_teardown_below``) or
        cleanups its setUp registers, which unwind in its teardown too: the cleanups a
        helper registered on the test ran after both in unittest. A fixture that holds the
        chain then takes those. Under it are its subclasses and the mixins its users put
        before it (``T(FakeDists, LoggingCatcher, Base)``: FakeDists' cleanups ran after
        LoggingCatcher's tearDown)."""
        above = self._before_in_users(qualname)
        return (
            self._teardown_below(qualname, names[1])
            or any(names[1] in self.classes[c].methods for c in above)
            or self._register_cleanups({*self.descendants(qualname), *above}, names)
        )

    def _before_in_users(self, qualname: str) -> set[str]:
        """The classes of the run that come before ``qualname`` in the MRO of a test class
        that runs its lifecycle."""
        return {k for before in self._user_prefixes(qualname) for k in before}

    def _user_prefixes(self, qualname: str) -> list[list[str]]:
        """For each test class that runs ``qualname``'s lifecycle: the classes of the run
        before it in that class's MRO, in MRO order."""
        out = []
        for user in self.users(qualname):
            mro = self.mro(user)
            if qualname in mro:
                out.append([k for k in mro[: mro.index(qualname)] if k in self.classes])
        return out

    def _register_cleanups(self, classes: Iterable[str], names: tuple[str, str]) -> bool:
        """Whether the ``names`` lifecycle methods of any of ``classes`` register cleanups."""
        return any(
            n in self.classes[c].methods and self.classes[c].methods[n].cleanup_calls
            for c in classes
            for n in names
        )

    def _teardown_below(self, qualname: str, teardown: str) -> bool:
        """Whether a subclass defines ``teardown``: its fixture, chained under this one,
        tears down before this one does, while the cleanups registered on the test ran after
        every tearDown in unittest. A fixture that holds the chain then takes them."""
        return any(teardown in self.classes[d].methods for d in self.descendants(qualname))

    def chain_redirected(self, level: str, mode: str, parents: list[str]) -> bool:
        """Whether a parent fixture this one requests takes every cleanup registered on the
        test (``self.addCleanup = cleanups.callback``): then this fixture's own registrations
        stay ``self.addCleanup`` calls and join that one stack in order, as in unittest's
        single list, which closes after every teardown."""
        if level != "function" or mode != "chain":
            return False
        return any(
            plan is not None and plan.redirect
            for plan in (self.planned.get((p, level)) for p in parents)
        )

    def _check_body_cleanups(
        self,
        qualname: str,
        level: str,
        has_teardown: bool,
        registers: bool,
        may_redirect: bool = False,
        redirected: bool = False,
        below: bool = False,
    ) -> bool:
        """Cleanups a test (or another method) registers run in unittest's ``run()``, after
        tearDown; under a fixture they would run before its teardown.

        Exact when there is no teardown; or when the fixture that holds the whole chain (a
        function fixture that requests no parent: ``may_redirect``) sends them to its own
        stack (``self.addCleanup = cleanups.callback``), which closes after every teardown,
        as unittest's ``doCleanups`` ran after tearDown. Returns whether it must. A
        ``doCleanups()`` elsewhere stays refused. ``below``: a subclass chained under this
        fixture has a teardown (see ``_teardown_below``).
        """
        needed = False
        related = {qualname, *self.descendants(qualname)}
        for user in [qualname, *self.users(qualname)]:
            # Test methods inherited from any class of the user's MRO run under the fixture.
            related.update(k for k in self.mro(user) if k in self.classes)
        for user in sorted(related):
            info = self.classes[user]
            for method, line, attr in info.cleanup_users:
                if attr not in CLEANUP_ATTRS[level]:
                    continue
                registering = not attr.startswith("do")
                # The cleanups the chain's own setUp registers (``cleanups.callback`` once
                # converted) unwind in the fixture's teardown too: a helper the setUp may
                # call that registered one before them (``self.mkdtemp()`` adding
                # ``rmtree``) ran after them in unittest's LIFO order, and would now run
                # before. A test method registers only after every setUp.
                torn = _torn(method, has_teardown, registers)
                if registering and (torn or below) and (may_redirect or redirected):
                    needed = needed or may_redirect
                    continue
                if (torn and registering) or has_teardown or (not registering and registers):
                    raise self._order_refused(qualname, user, method, line, f"uses {attr}; its")
            if level == "function":
                redirect = may_redirect or redirected
                torn = has_teardown or below
                needed = self._check_escapes(qualname, user, torn, redirect, registers) or needed
        return needed and may_redirect

    def _check_escapes(
        self, qualname: str, user: str, has_teardown: bool, redirect: bool, registers: bool
    ) -> bool:
        """Whether the fixture must take the cleanups of code that gets the test instance
        (``configure(self)``; ``ClassInfo.self_escapes``). They are registered with unittest,
        whose ``doCleanups`` runs inside the test call: before a fixture teardown, and never
        after a fixture setup that failed or for a registration made in the teardown. So they
        matter in a setUp or tearDown always, in any other method under a teardown, and in a
        helper (not a test) when the chain's setUp registers cleanups of its own."""
        info = self.classes[user]
        needed = False
        for method, line, callee in info.self_escapes:
            torn = _torn(method, has_teardown, registers)
            if method not in FUNCTION_LEVEL and not torn:
                continue
            if not redirect:
                what = f"passes the test to {callee}(), whose"
                raise self._order_refused(qualname, user, method, line, what)
            needed = True
        return needed

    def _order_refused(
        self, qualname: str, user: str, method: str, line: int, what: str
    ) -> Refused:
        """MF112 for cleanups registered in ``user.method`` at ``line`` (the line of
        ``qualname`` when the method is another class's)."""
        info = self.classes[user]
        at = line if user == qualname else self.classes[qualname].line
        message = f"{info.name}.{method} ({info.path}:{line}) {what} cleanups would run"
        return Refused(Code.CLEANUP_ORDER, at, message + " before the fixture teardown")


def _torn(method: str, has_teardown: bool, registers: bool) -> bool:
    """Whether cleanups ``method`` registers on the test must unwind after a teardown: the
    chain has one, or its setUp registers cleanups (unwound in the fixture's teardown) and
    ``method`` is not a test, which registers only after every setUp."""
    return has_teardown or (registers and not method.startswith("test"))
