"""The run-wide plan: which lifecycles become which fixtures, and which are refused.

What it does: from the index of every module of the run, linearises each class's bases,
finds the classes of each MRO that define a lifecycle level (``setUp``/``tearDown`` or
``setUpClass``/``tearDownClass``), and decides per class and level: a fixture that requests
the parent's fixture ("chain", when ``super()`` is called first in setUp and last in
tearDown), a fixture that switches the parents' fixtures off ("override", when neither calls
``super()``), or a refusal with a code. A refusal spreads to every class of the same hierarchy,
because a half-converted hierarchy runs parent and child setups in the wrong order.
Why: correctness is a property of the hierarchy, not of one class; and the plan is computed
once in the parent process and handed to the workers.
Example: ``class B(A)`` whose setUp starts with ``super().setUp()`` gets
``def _b_setup(self, _a_setup)``.
Refuses when: see the checks below; each returns a ``Code``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from transforms.bindings import ALTERNATIVES
from transforms.calls_decide import decide_calls
from transforms.calls_plan import (
    ASSERTING_CLEANUP,
    BOUND_OTHERWISE,
    SHAPE_CODES,
    CallsModel,
    closure,
)
from transforms.codes import Code, Refusal
from transforms.facts import BodyFacts
from transforms.hierarchy import (
    CLASS_DECORATOR,
    INCONSISTENT,
    LEVELS,
    MixinDisagreement,
)
from transforms.index import ModuleInfo, Reference
from transforms.kept_plan import LEVEL, keep_candidate, kept_plans
from transforms.names import fresh, snake
from transforms.plan_types import KeptPlan, LevelPlan, Relay
from transforms.reference_plan import ReferencePlanner
from transforms.refused import Refused as _Refused
from transforms.relay_plan import compose, unwritable
from transforms.unittest_api import CLASS_CLEANUPS, FUNCTION_CLEANUPS, MODULE_LEVEL

CLEANUP_API = {"function": FUNCTION_CLEANUPS, "class": CLASS_CLEANUPS}


class Planner(ReferencePlanner):
    """Builds every ``FilePlan`` of a run from its ``ModuleInfo`` list."""

    def __init__(
        self,
        modules: Iterable[ModuleInfo],
        outside: Mapping[str, int],
        module_aliases: Mapping[str, str] | None = None,
        withheld: Mapping[tuple[str, str], str] | None = None,
        python_classes: tuple[str, ...] = ("Test",),
    ) -> None:
        super().__init__(modules, module_aliases, python_classes)
        # (resolved path, class name or "" for the module) -> why verify withheld it.
        self.withheld = dict(withheld or {})
        self._withheld_classes = self._withheld_definers()
        self.outside = outside
        self.refused: dict[tuple[str, str], Refusal] = {}
        self.planned: dict[tuple[str, str], LevelPlan] = {}
        self._references: list[tuple[ModuleInfo, Reference]] | None = None
        self._reachable: dict[tuple[str, str], frozenset[str]] = {}
        self.calls_style: set[tuple[str, str]] = set()
        self.calls = CallsModel(self)
        # Classes refused for a call of their lifecycle from a method (``super().setUp()``
        # in a test) that the calls style can point at a helper (``call_site_target``).
        self.liftable: set[tuple[str, str]] = set()
        # The refusal each spread refusal (MF114) started from, and the class being decided.
        self.roots: dict[tuple[str, str], Refusal] = {}
        self._current: str | None = None
        # Refused classes left to unittest under converted parents (``transforms.kept_plan``).
        self.keeping = False
        self.kept: dict[str, KeptPlan] = {}
        # (mixin, level) -> the relays its fixture's request resolves to, per test class.
        self.relays: dict[tuple[str, str], tuple[tuple[str, Relay], ...]] = {}

    def _withheld_definers(self) -> dict[str, str]:
        """Every class whose lifecycle runs for a withheld test class: refused first."""
        out: dict[str, str] = {}
        for qualname, info in self.classes.items():
            path = _resolved(info.path)
            why = self.withheld.get((path, info.name)) or self.withheld.get((path, "*"))
            if why is None:
                continue
            for entry in self.reach(qualname):
                if entry in self.classes:
                    out.setdefault(entry, why)
        return out

    def parents(self, qualname: str, level: str) -> list[str]:
        try:
            return super().parents(qualname, level)
        except MixinDisagreement as disagreement:
            mixin = self.classes[disagreement.qualname]
            where = f"{mixin.name} ({mixin.path}:{mixin.line})"
            message = f"{where}: {disagreement.detail}"
            raise _Refused(Code.MIXIN, self.classes[qualname].line, message) from None

    # -- the decision for one class and level -------------------------------------------

    def decide(self, qualname: str, level: str) -> LevelPlan:
        """Plan one class's level, or raise ``_Refused``."""
        why = self._withheld_classes.get(qualname)
        if why is not None:
            raise _Refused(Code.VERIFY_CHANGED, self.classes[qualname].line, why)
        if (qualname, level) in self.calls_style:
            return self._decide_calls(qualname, level)
        info = self.classes[qualname]
        setup_name, teardown_name = LEVELS[level]
        self._check_lineage(qualname, level)
        for name in (setup_name, teardown_name):
            if name in info.bound_otherwise:
                raise _Refused(Code.NOT_A_FUNCTION, info.line, f"{name} {BOUND_OTHERWISE}")
            if name in info.methods:
                self._check_body(info.methods[name], level, setup=name == setup_name)
        self._check_references(qualname, level)
        if level == "function":
            self._check_skips(qualname)
        setup, teardown = info.methods.get(setup_name), info.methods.get(teardown_name)
        mode, parents, redirected, redirect, relay = self._decide_chain(
            qualname, level, setup, teardown
        )
        param = self._param(setup, teardown)
        hoist = self._check_merge(setup, teardown)
        fixture = self._fixture_name(qualname, level)
        requests: tuple[str, ...] = (
            (self.parent_fixture(parents[0], level),) if mode == "chain" and parents else ()
        )
        if relay is not None:
            requests = (relay,)
        parent = parents[0] if mode == "chain" and parents and relay is None else None
        plain = self._plain_guard(qualname, level, relay is not None, parent)
        disables = (
            tuple(self.parent_fixture(p, level) for p in parents) if mode == "override" else ()
        )
        bodies = [b for b in (setup, teardown) if b]
        temp = self._temp_plan(level, setup, teardown, self.modules[info.module], qualname)
        requests += temp.requests
        stack = None
        # Under a redirecting parent ``self.addCleanup`` is that fixture's stack already: the
        # own registrations stay calls of it, in one list as in unittest.
        if not redirected and (
            redirect or sum(b.cleanup_calls for b in bodies) > temp.dropped_cleanups
        ):
            stack = fresh("cleanups", set().union(*(b.all_names for b in bodies)) | set(requests))
        patchable = self._patchable(level, setup, teardown, stack, mode, parents)
        chdir = self._chdir_plan(setup, teardown) if patchable else None
        env = self._env_plan(setup, teardown) if patchable else ((), (), ())
        requests += ("monkeypatch",) if chdir or env[0] else ()
        api = {f"{param}{k}": v for k, v in CLEANUP_API[level].items()}
        return LevelPlan(
            chdir=chdir,
            env=env[0],
            env_restores=env[1],
            temp=temp.rewrites,
            dirs=temp.dirs,
            drops=temp.drops,
            temp_lines=temp.lines + env[2],
            level=level,
            fixture=fixture,
            setup=setup_name if setup else None,
            teardown=teardown_name if teardown else None,
            param=param,
            requests=requests,
            disables=disables,
            stack=stack,
            cleanup_api=api if stack else {},
            hoist_globals=hoist,
            skip_guard=self.needs_skip_guard(qualname, level),
            plain_guard=plain,
            redirect=redirect,
            setup_returns=setup is not None and setup.has_return,
        )

    def _decide_chain(
        self, qualname: str, level: str, setup: BodyFacts | None, teardown: BodyFacts | None
    ) -> tuple[str, list[str], bool, bool, str | None]:
        """The mode, the parents, whether a parent fixture takes the test's cleanups, whether
        this one must, and the relay it requests when its users' chains differ."""
        chains = self.user_chains(qualname, level)
        if len(chains) > 1:
            composed = compose(self, qualname, level, setup, teardown, chains)
            relay = None
            if composed.relays:
                relay = composed.relays[0][1].name
                self.relays[(qualname, level)] = composed.relays
            outcome = composed.outcome
            return composed.mode, composed.parents, outcome.redirected, outcome.redirect, relay
        parents = list(next(iter(chains), ()))
        mode = self.chain_mode(qualname, setup, teardown, parents, level)
        redirected = self.chain_redirected(level, mode, parents)
        redirect = self.chain_cleanups(qualname, level, mode, parents, redirected)
        return mode, parents, redirected, redirect, None

    def parent_fixture(self, parent: str, level: str) -> str:
        plan = self.planned.get((parent, level))
        if plan is None:
            line = self.classes[self._current].line if self._current else 0
            refusal = _Refused(Code.RELATED_REFUSED, line, self._root_words(parent, level))
            refusal.related = parent
            raise refusal
        return plan.fixture

    def _root_words(self, related: str, level: str) -> str:
        """Why a related class's refusal spreads: the refusal it started from, with its class,
        file, line and code, so that the report says what to change."""
        short = related.rsplit(".", 1)[-1]
        root = self.roots.get((related, level)) or self.refused.get((related, level))
        if root is None:
            return f"{short} in the same hierarchy is not converted"
        where = f"{root.cls} at {root.path}:{root.line} ({root.code.value}: {root.message})"
        return f"{short} in the same hierarchy is refused; root: {where}"

    def _check_lineage(self, qualname: str, level: str) -> None:
        info = self.classes[qualname]
        if not (info.top_level or info.module_level):
            raise _Refused(
                Code.NOT_TOP_LEVEL, info.line, "class is defined inside a function or another class"
            )
        for entry in self.reach(qualname):
            if entry in self.ambiguous:
                where = self.classes[entry]
                message = f"{where.name} is defined more than once in {where.path}"
                raise _Refused(Code.UNKNOWN_BASE, info.line, message)
        for entry in self.mro(qualname):
            kind = self.kind(entry)
            if entry == INCONSISTENT:
                raise _Refused(Code.UNKNOWN_BASE, info.line, "the bases have no consistent MRO")
            if kind == "async":
                raise _Refused(
                    Code.ASYNC, info.line, "IsolatedAsyncioTestCase runs setups in its loop"
                )
            if kind == "third":
                raise _Refused(Code.THIRD_PARTY_BASE, info.line, f"third-party base {entry}")
            if kind == "unknown":
                raise _Refused(Code.UNKNOWN_BASE, info.line, self._unknown_message(entry))
            if kind == "testcase":
                break  # what follows TestCase can neither wrap nor extend its lifecycle
        self._check_users(qualname, level)
        self._check_read_only(qualname, level)
        self._check_dynamic_super(qualname, level)

    def _check_dynamic_super(self, qualname: str, level: str) -> None:
        """``super(self.__class__, self).setUp()`` is ``super().setUp()`` only for instances
        of the class itself: in a subclass's test it calls the class's own setUp again."""
        info = self.classes[qualname]
        subclasses = self.descendants(qualname)
        for name in LEVELS[level]:
            facts = info.methods.get(name)
            dynamic = [c for c in facts.super_calls if c.dynamic] if facts else []
            if dynamic and subclasses:
                sub = self.classes[subclasses[0]].name
                message = f"super(self.__class__, ...).{name}() starts elsewhere in {sub}"
                raise _Refused(Code.SUPER_POSITION, dynamic[0].line, message)

    def _check_read_only(self, qualname: str, level: str) -> None:
        """A lifecycle defined in a class outside the run cannot become a fixture.

        A user's read-only definer is this class's business only when no class of the run
        that defines the level stands between them: such a class checks its own lineage (and
        may stay unittest, ``transforms.kept_plan``, without refusing this one)."""
        names = LEVELS[level]
        for user in [qualname, *self.users(qualname)]:
            for entry in self.reach(user):
                info = self.classes.get(entry)
                if info is None or entry == qualname:
                    continue
                if not self.modules[info.module].read_only:
                    if user != qualname and self.defines(entry, names):
                        break  # that class decides (see above)
                    continue
                if self.defines(entry, names):
                    locked = self.modules[info.module].locked
                    where = f"is {locked}" if locked else "is outside the run; add it to the run"
                    message = (
                        f"base {info.name} defines {LEVELS[level][0]} or {LEVELS[level][1]}"
                        f" in {info.path}, which {where}"
                    )
                    raise _Refused(Code.UNKNOWN_BASE, self.classes[qualname].line, message)

    def _plain_guard(self, qualname: str, level: str, relayed: bool, parent: str | None) -> str:
        """The name of a plain ``Test*`` class pytest collects that inherits this function
        fixture (the fixture then does nothing for its tests), or "". The fixture must still
        find what it requests there: a relay is not defined for that class, and a parent
        fixture only if the parent is in that class's MRO."""
        plain = self.plain_test_classes(qualname) if level == "function" else []
        if not plain:
            return ""
        for klass in plain:
            where = self.classes[klass]
            lacks = ""
            if relayed:
                lacks = "the relay fixture"
            elif parent is not None and parent not in self.mro(klass):
                lacks = f"the fixture of {self.classes[parent].name}"
            if lacks:
                message = (
                    f"pytest collects {where.name} ({where.path}:{where.line}) as a plain test"
                    f" class, which lacks {lacks} that this fixture requests"
                )
                raise _Refused(Code.MIXIN, self.classes[qualname].line, message)
        return self.classes[plain[0]].name

    def needs_skip_guard(self, qualname: str, level: str) -> bool:
        """Whether a test run under this function fixture may be marked skipped by a
        decorator the plan cannot read: unittest would skip it before setUp."""
        if level != "function":
            return False
        for user in [qualname, *self.users(qualname)]:
            # Test methods come from the whole MRO, also from classes after TestCase.
            for entry in self.mro(user):
                info = self.classes.get(entry)
                if info is not None and info.opaque_tests:
                    return True
            if self.skips_after_class_setup(user):
                return True
        return False

    def skips_after_class_setup(self, user: str) -> bool:
        """Whether ``user`` has skip-decorated tests and a class setup: there a pytest mark
        would skip before the class setup (a failing setUpClass would read as a skip), so
        the fixture checks the skip itself, after the class setup, as unittest did."""
        mro = self.mro(user)
        decorated = any(
            (info := self.classes.get(entry)) is not None and info.skip_decorated for entry in mro
        )
        return decorated and any(self.defines(entry, LEVELS["class"]) for entry in mro)

    def _check_users(self, qualname: str, level: str) -> None:
        """Every test class that runs this class's lifecycle has a known lineage, runs it
        without a wrapper, and none inherits the class where unittest would not run it."""
        info = self.classes[qualname]
        for user in [qualname, *self.users(qualname)]:
            wrapped = self.blocking_wrapper(qualname, user, level)
            if wrapped is not None:
                raise _Refused(Code.WRAPPED, info.line, _wrapper_words(*wrapped))
        for user in [qualname, *self.users(qualname)]:
            run = self.run_by_unittest(user)
            if run is not None:
                path, line, callee = run
                short = user.rsplit(".", 1)[-1]
                message = (
                    f"{short} is run by unittest at {path}:{line} ({callee}): no fixture runs there"
                )
                raise _Refused(Code.RUN_BY_UNITTEST, info.line, message)
        for user in self.users(qualname) + self.unknown_users(qualname):
            for entry in self.mro(user):
                kind = self.kind(entry)
                if kind == "testcase":
                    break
                if kind in ("unknown", "third", "async") or entry.startswith("?"):
                    short = user.rsplit(".", 1)[-1]
                    raise _Refused(
                        Code.UNKNOWN_BASE,
                        info.line,
                        f"{short} also inherits from {_spelled(entry)}",
                    )
        unreached = self.unreached_users(qualname)
        if unreached:
            short = unreached[0].rsplit(".", 1)[-1]
            raise _Refused(
                Code.MIXIN,
                info.line,
                f"{short} inherits it after TestCase: unittest never runs its"
                f" {LEVELS[level][0]} there, a fixture would",
            )
        plain = self.plain_test_classes(qualname)
        if plain and level != "function":
            where = self.classes[plain[0]]
            raise _Refused(
                Code.MIXIN,
                info.line,
                f"pytest collects {where.name} ({where.path}:{where.line}) as a plain test class:"
                f" its tests never ran {LEVELS[level][0]}, a fixture would run for them",
            )

    def blocking_wrapper(self, qualname: str, user: str, level: str) -> tuple[str, str] | None:
        """The first wrapper of ``user``'s reach (``Hierarchy.wrapper``) that concerns
        ``qualname``'s fixture. A class decorator on a class of the run that defines the
        level, below ``qualname``, does not: that class decides for itself, and stays
        unittest (``transforms.kept_plan``) or refuses its whole hierarchy."""
        reach = self.reach(user)
        for entry in reach:
            what = self.wrapping(entry, level)
            if what is None:
                continue
            below = entry != qualname and qualname in reach[reach.index(entry) :]
            if below and what.startswith(CLASS_DECORATOR) and self._decides(entry, level):
                continue
            return entry, what
        return None

    def _decides(self, qualname: str, level: str) -> bool:
        """A class decided on its own: one that defines the level (in the run, at module
        level), or, at function level, a decorated test class that inherits it
        (``_refuse_decorated_inheritors``)."""
        if level == LEVEL and self._decorated_inheritor(qualname):
            return True
        return self.defines(qualname, LEVELS[level]) and not unwritable(self, qualname)

    def _check_skips(self, qualname: str) -> None:
        """Every skip decorator on a test that will run under this fixture must become a mark."""
        for user in self.users(qualname):
            for klass in self.mro(user):
                info = self.classes.get(klass)
                if info is not None and info.skip_blockers:
                    raise _Refused(
                        Code.SKIP_DECORATOR,
                        self.classes[qualname].line,
                        f"skip decorator at {info.path}:{info.skip_blockers[0]} stays unittest's",
                    )

    def _unknown_message(self, entry: str) -> str:
        name = entry.lstrip("?.")
        if ALTERNATIVES in name:
            return f"base {_spelled(entry)}"
        module, _, _ = name.rpartition(".")
        shared = sorted(m.path for k, m in self.modules.items() if k.startswith(f"{module}#"))
        if module and shared:
            return (
                f"base {name}: several files of the run are module {module} ({', '.join(shared)});"
                " which one Python imports depends on sys.path"
            )
        nested = self._class_attribute(name)
        if nested is not None:
            head, info = nested
            return (
                f"base {name}: an attribute of class {head} in {info.path}; the model does not"
                " follow class attributes"
            )
        assigned = self._assigned_global(name)
        if assigned is not None:
            head, info = assigned
            return (
                f"base {name}: {head} is bound by an assignment in {info.path}, not by an import"
                " or a class statement; the model does not follow assigned values"
            )
        hint = f"; include the file of module {module} in the run" if module else ""
        return f"base {name} is not in the run{hint}"

    def _class_attribute(self, name: str) -> tuple[str, ModuleInfo] | None:
        """(class, module) when ``name`` goes through a class of a module of the run
        (``helpers.Holder.Mixin``)."""
        found = self._module_prefix(name, after=2)
        if found is None or not any(c.name == found[0] for c in found[1].classes):
            return None
        return found

    def _assigned_global(self, name: str) -> tuple[str, ModuleInfo] | None:
        """(global, module) when ``name`` goes through a global of a module of the run that
        neither an import nor a class statement binds (``ppt = pp.pyparsing_test``)."""
        found = self._module_prefix(name, after=1)
        if found is None:
            return None
        head, info = found
        classes = {c.name for c in info.classes}
        if head in info.top_names and head not in info.aliases and head not in classes:
            return found
        return None

    def _module_prefix(self, name: str, after: int) -> tuple[str, ModuleInfo] | None:
        """(the name that follows, module) for the longest module of the run that ``name``
        starts with, leaving at least ``after`` names after it."""
        parts = name.split(".")
        for cut in range(len(parts) - after, 0, -1):
            info = self.modules.get(".".join(parts[:cut]))
            if info is not None:
                return parts[cut], info
        return None

    def _check_body(self, facts: BodyFacts, level: str, setup: bool) -> None:
        allowed = ("classmethod",) if level == "class" else ()
        if facts.decorators != allowed:
            raise _Refused(
                Code.DECORATED, facts.line, f"{facts.name} decorators {facts.decorators}"
            )
        if facts.is_async:
            raise _Refused(Code.ASYNC, facts.line, f"async {facts.name}")
        if not facts.simple_signature:
            raise _Refused(Code.SIGNATURE, facts.line, f"{facts.name}{facts.params} signature")
        if facts.has_yield or facts.has_await:
            raise _Refused(Code.GENERATOR, facts.line, f"{facts.name} contains yield or await")
        if facts.cleanup_problem is not None:
            raise _Refused(
                Code.CLEANUP_USAGE,
                facts.cleanup_problem,
                "cleanup API used other than as a direct call",
            )
        if facts.asserting_cleanup is not None:
            raise _Refused(Code.CLEANUP_USAGE, facts.asserting_cleanup, ASSERTING_CLEANUP)
        if level == "function" and facts.phase_state is not None:
            raise _Refused(
                Code.PHASE_STATE,
                facts.phase_state,
                f"{facts.name} changes state pytest resets between the setup and call phases",
            )
        if setup and facts.return_problem is not None:
            raise _Refused(Code.RETURN_FLOW, facts.return_problem, f"return in {facts.name}")
        if facts.nested_global:
            raise _Refused(Code.NAME_CONFLICT, facts.line, "global/nonlocal inside a block")

    def _param(self, setup: BodyFacts | None, teardown: BodyFacts | None) -> str | None:
        params = {b.params[0] if b.params else None for b in (setup, teardown) if b}
        if len(params) > 1:
            line = setup.line if setup else 0
            raise _Refused(
                Code.NAME_CONFLICT,
                line,
                "setup and teardown name their first parameter differently",
            )
        return params.pop() if params else None

    def _check_merge(self, setup: BodyFacts | None, teardown: BodyFacts | None) -> tuple[str, ...]:
        """Refuse when one function scope would change a name; globals to hoist otherwise."""
        if setup is None or teardown is None:
            return ()
        s_local = setup.assigned - setup.global_names
        t_local = teardown.assigned - teardown.global_names
        clashes = (
            ((teardown.loaded - teardown.assigned) & s_local)
            | ((setup.loaded - setup.assigned) & t_local)
            | (teardown.global_names & s_local)
            | (setup.global_names & t_local)
        )
        if clashes:
            raise _Refused(
                Code.NAME_CONFLICT,
                teardown.line,
                f"names change meaning when merged: {sorted(clashes)}",
            )
        return tuple(sorted(teardown.global_names - setup.global_names))

    def _fixture_name(self, qualname: str, level: str) -> str:
        info = self.classes[qualname]
        suffix = "setup" if level == "function" else "class_setup"
        return fresh(f"_{snake(info.name)}_{suffix}", self.taken_names(qualname))

    def taken_names(self, qualname: str) -> set[str]:
        """Names a new attribute of ``qualname`` must not take: attributes and lifecycle
        locals of its MRO and descendants, and the fixtures and helpers planned there."""
        taken: set[str] = set()
        for other in (*self.mro(qualname), *self.descendants(qualname)):
            if other in self.classes:
                taken |= self.classes[other].attrs
                for facts in self.classes[other].methods.values():
                    taken |= facts.all_names
        related = {*self.mro(qualname), *self.descendants(qualname)}
        taken |= {p.fixture for (q, _), p in self.planned.items() if q in related}
        taken |= {h for (q, _), h in self.calls.helpers.items() if q in related}
        taken |= {r.name for rs in self.relays.values() for h, r in rs if h in related}
        return taken

    # -- the run ------------------------------------------------------------------------

    def plan_classes(self) -> None:
        """Plan every class; then plan again with the classes whose shape refused them (and
        the parents their helpers call) in calls style."""
        self._plan_all()
        seeds = [key for key, r in self.refused.items() if r.code in SHAPE_CODES]
        seeds += [key for key, r in self.refused.items() if key in self.liftable]
        # A refused class that can stay unittest needs its parents in calls style.
        # (Only the parents: the class itself is decided, and refused, as before.)
        seeds += [
            (parent, LEVEL)
            for q, level in list(self.refused)
            if level == LEVEL and self._keeps(q)
            for parent in self._safe_parents(q)
        ]
        if not seeds:
            return
        self.calls_style = closure(self, seeds)
        self.refused, self.planned, self.roots = {}, {}, {}
        self.relays = {}
        self.calls = CallsModel(self)
        self.keeping = True
        self._plan_all()
        self.kept = kept_plans(self)

    def _safe_parents(self, qualname: str) -> list[str]:
        try:
            return self.parents(qualname, LEVEL)
        except _Refused:
            return []

    def _keeps(self, qualname: str) -> bool:
        refusal = self.refused[(qualname, LEVEL)]
        return refusal.code != Code.RELATED_REFUSED and keep_candidate(self, qualname)

    def _plan_all(self) -> None:
        for level in LEVELS:
            for qualname in sorted(self.classes):
                self._plan_one(qualname, level, set())
            if level == LEVEL:
                self._refuse_decorated_inheritors()
            self._spread(level)

    def _refuse_decorated_inheritors(self) -> None:
        """A test class with a class decorator the tool cannot read and no setUp or
        tearDown of its own inherits its parents' lifecycle under that decorator: it stays
        unittest (``transforms.kept_plan`` gives it the helpers' stubs), or, when it cannot,
        its refusal spreads to every class whose lifecycle it runs."""
        for qualname in sorted(self.classes):
            info = self.classes[qualname]
            if not self._decorated_inheritor(qualname):
                continue
            what = self.wrapping(qualname, LEVEL) or ""
            message = f"{info.name} has {what}: unittest runs the lifecycle it inherits"
            self._refuse(qualname, LEVEL, Code.WRAPPED, info.line, message)

    def _decorated_inheritor(self, qualname: str) -> bool:
        what = self.wrapping(qualname, LEVEL)
        return (
            what is not None
            and what.startswith(CLASS_DECORATOR)
            and self.is_test_class(qualname)
            and not self.defines(qualname, LEVELS[LEVEL])
            and bool(self.definers(qualname, LEVEL))
            and not unwritable(self, qualname)
        )

    def _decide_calls(self, qualname: str, level: str) -> LevelPlan:
        """The calls-style plan of one class (``transforms.calls_decide``)."""
        return decide_calls(self, qualname, level)

    def _plan_one(self, qualname: str, level: str, visiting: set[str]) -> None:
        """Plan ``qualname`` after the classes whose fixtures it will request."""
        key = (qualname, level)
        if key in self.planned or key in self.refused or qualname in visiting:
            return
        if qualname not in self.definers(qualname, level):
            return
        if self.modules[self.classes[qualname].module].read_only:
            return  # outside the run: read to know the hierarchy, never rewritten
        if not (self.users(qualname) or self.has_unknown_base(qualname)):
            return  # no test class inherits it: pytest never calls its setUp
        visiting.add(qualname)
        try:
            chains = self.user_chains(qualname, level)
            for parent in dict.fromkeys(p for chain in chains for p in chain):
                if parent in visiting:
                    raise self._cycle(qualname, parent, level)
                self._plan_one(parent, level, visiting)
            self._current = qualname
            self.planned[key] = self.decide(qualname, level)
        except _Refused as refused:
            self._refuse(
                qualname, level, refused.code, refused.line, refused.message, refused.related
            )
        finally:
            visiting.discard(qualname)  # the path being planned, not every class seen

    def _cycle(self, qualname: str, parent: str, level: str) -> _Refused:
        """Two mixins that follow each other in different test classes: each fixture would
        have to be set up before the other."""
        first, second = (self.classes[q] for q in (qualname, parent))
        message = (
            f"{first.name} and {second.name} ({second.path}:{second.line}) follow each other"
            " in different test classes: neither fixture can be set up first"
        )
        return _Refused(Code.MIXIN, first.line, message)

    def _refuse(
        self,
        qualname: str,
        level: str,
        code: Code,
        line: int,
        message: str,
        related: str | None = None,
    ) -> None:
        info = self.classes[qualname]
        self.planned.pop((qualname, level), None)
        self.relays.pop((qualname, level), None)
        refusal = Refusal(code, info.path, line, info.name, message)
        self.refused.setdefault((qualname, level), refusal)
        root = refusal
        if related is not None:
            root = self.roots.get((related, level)) or self.refused.get((related, level), root)
        self.roots.setdefault((qualname, level), root)

    def _spread(self, level: str) -> None:
        """A refusal anywhere in a hierarchy refuses every definer linked to it."""
        changed = True
        while changed:
            changed = False
            # Refused classes left to unittest do not refuse the parents they call.
            kept = kept_plans(self) if self.keeping and level == LEVEL else {}
            for qualname in self.classes:
                group = self.definers(qualname, level)
                # A refused class that defines nothing (``_refuse_decorated_inheritors``)
                # belongs to the group of the definers it inherits from.
                members = group if qualname in group else [qualname, *group]
                bad = [g for g in members if (g, level) in self.refused and g not in kept]
                for member in group:
                    if bad and (member, level) in self.planned:
                        self._refuse(
                            member,
                            level,
                            Code.RELATED_REFUSED,
                            self.classes[member].line,
                            self._root_words(bad[0], level),
                            bad[0],
                        )
                        changed = True

    def plan_module(self, module: ModuleInfo) -> tuple[LevelPlan | None, list[Refusal]]:
        setup, teardown = (module.functions.get(n) for n in MODULE_LEVEL)
        if setup is None and teardown is None:
            if module.bound_otherwise:
                return None, [
                    Refusal(Code.NOT_A_FUNCTION, module.path, 1, None, "setUpModule is assigned")
                ]
            return None, []
        try:
            return self._decide_module(module, setup, teardown), []
        except _Refused as refused:
            return None, [Refusal(refused.code, module.path, refused.line, None, refused.message)]

    def _check_module_references(self, module: ModuleInfo, line: int) -> None:
        """``setUpModule`` read in its own module, or imported or read by another one."""
        if module.module_refs:
            raise _Refused(
                Code.REFERENCED, module.module_refs[0], "module lifecycle function referenced"
            )
        for other in self.modules.values():
            for ref in other.module_lifecycle_refs:
                if other is not module and self.canonical(ref.target) == module.module:
                    where = f"{other.path}:{ref.line}" if ref.line else other.path
                    raise _Refused(Code.REFERENCED, line, f"{ref.attr} used in {where}")

    def _decide_module(
        self, module: ModuleInfo, setup: BodyFacts | None, teardown: BodyFacts | None
    ) -> LevelPlan:
        line = (setup or teardown).line  # type: ignore[union-attr]
        path = _resolved(module.path)
        why = self.withheld.get((path, "")) or self.withheld.get((path, "*"))
        if why is not None:
            raise _Refused(Code.VERIFY_CHANGED, line, why)
        if module.bound_otherwise:
            raise _Refused(Code.NOT_A_FUNCTION, line, "module lifecycle also bound by assignment")
        for facts, is_setup in ((setup, True), (teardown, False)):
            if facts:
                self._check_body(facts, "module", setup=is_setup)
                if facts.super_calls:
                    raise _Refused(Code.SUPER_POSITION, facts.line, "super() in a module function")
        self._check_module_references(module, line)
        if module.module_cleanup_users:
            raise _Refused(
                Code.CLEANUP_ORDER,
                module.module_cleanup_users[0],
                "module cleanups registered elsewhere",
            )
        hoist = self._check_merge(setup, teardown)
        bodies = [b for b in (setup, teardown) if b]
        names = set(module.top_names).union(*(b.all_names for b in bodies))
        temp = self._temp_plan("module", setup, teardown, module)
        stack = None
        if sum(b.cleanup_calls for b in bodies) > temp.dropped_cleanups:
            stack = fresh("cleanups", names)
        api: dict[str, str] = {}
        if stack:
            from transforms.module_scan import module_cleanup_api

            api = module_cleanup_api(module.aliases)
        return LevelPlan(
            level="module",
            fixture=fresh("_module_setup", names),
            setup="setUpModule" if setup else None,
            teardown="tearDownModule" if teardown else None,
            param=None,
            requests=temp.requests,
            stack=stack,
            cleanup_api=api,
            hoist_globals=hoist,
            temp=temp.rewrites,
            dirs=temp.dirs,
            drops=temp.drops,
            temp_lines=temp.lines,
        )


def _resolved(path: str) -> str:
    return str(Path(path).resolve())


def _wrapper_words(owner: str, what: str) -> str:
    """Why a wrapper (``Hierarchy.wrapping``) of the class ``owner`` refuses."""
    short = owner.rsplit(".", 1)[-1]
    if what.startswith("reads "):
        return f"{short} {what}, set only while run() runs: a fixture runs outside"
    if what.startswith("defines "):
        return f"{short} {what}"
    verb = "has" if what.startswith(("a ", "the ")) else "overrides"
    return f"{short} {verb} {what}: the lifecycle runs inside it"


def _spelled(entry: str) -> str:
    """A base for a message: a name bound by several imports says so."""
    name = entry.lstrip("?.")
    if ALTERNATIVES not in name:
        return name
    return (
        f"{' or '.join(name.split(ALTERNATIVES))} (bound by different statements, imports or"
        " class statements: which one runs depends on the environment)"
    )
