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
Refuses when: see ``transforms.lineage_checks`` (each check raises with a ``Code``) and
the chain, reference, relay and calls-style planners it builds on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from transforms.calls_decide import decide_calls
from transforms.calls_plan import BOUND_OTHERWISE, SHAPE_CODES, CallsModel, closure
from transforms.codes import Code, Refusal
from transforms.facts import BodyFacts
from transforms.hierarchy import LEVELS, MixinDisagreement
from transforms.index import ModuleInfo, Reference
from transforms.kept_plan import LEVEL, keep_candidate, kept_plans
from transforms.module_plan import ModulePlanning, resolved_path
from transforms.names import fresh, snake
from transforms.plan_types import KeptPlan, LevelPlan, Relay
from transforms.refused import Refused as _Refused
from transforms.relay_plan import compose
from transforms.unittest_api import CLASS_CLEANUPS, FUNCTION_CLEANUPS

CLEANUP_API = {"function": FUNCTION_CLEANUPS, "class": CLASS_CLEANUPS}


class Planner(ModulePlanning):
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
        # ``LineageChecks._hidden_user``: classes with an assigned base, and their reach.
        self._assigned_bases: list[tuple[str, frozenset[str]]] | None = None
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
        # (mixin, level) -> the plan assumed for it while a mixin it follows in another test
        # class was decided (``_assume``), and that mixin; its own decision must agree
        # (``_confirm``).
        self.assumed: dict[tuple[str, str], tuple[LevelPlan, str]] = {}
        # Classes of hierarchies whose tearDowns stay unittest's (``transforms.run_state``):
        # their temporary paths stay too, since the removals are in those tearDowns.
        self.unittest_teardowns: frozenset[str] = frozenset()

    def _withheld_definers(self) -> dict[str, str]:
        """Every class whose lifecycle runs for a withheld test class: refused first."""
        out: dict[str, str] = {}
        if not self.withheld:
            return out  # (resolving every class's path costs a system call each)
        for qualname, info in self.classes.items():
            path = resolved_path(info.path)
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
        # Looked up per related class: a scan of every plan would make a run quadratic.
        planned = (self.planned.get((q, level)) for q in related for level in LEVELS)
        taken |= {p.fixture for p in planned if p is not None}
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
        self.assumed = {}
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
                    self._assume(qualname, parent, level)
                    continue
                self._plan_one(parent, level, visiting)
            self._current = qualname
            self.planned.pop(key, None)  # an assumed plan (``_assume``) takes no name from it
            self.planned[key] = self.decide(qualname, level)
            self._confirm(qualname, level)
        except _Refused as refused:
            self._refuse(
                qualname, level, refused.code, refused.line, refused.message, refused.related
            )
        finally:
            visiting.discard(qualname)  # the path being planned, not every class seen

    def _assume(self, qualname: str, parent: str, level: str) -> None:
        """``parent`` is being decided and follows ``qualname`` in some test class, while
        ``qualname`` follows it in another (``T1(A, B, Base)``, ``T2(B, A, Base)``). Each
        test class's relays (``transforms.relay_plan``) order the two fixtures its own way,
        so no fixture requests another in a loop; but each decision reads the other's plan.
        ``qualname`` is decided against the plan ``parent`` will have (its fixture name, no
        cleanups taken from the test, no ``monkeypatch``), which ``_confirm`` checks. Only
        between fixtures of mixins whose users disagree, outside the calls style (whose
        helpers call each other by name)."""
        relayed = all(len(self.user_chains(c, level)) > 1 for c in (qualname, parent))
        calls = {(qualname, level), (parent, level)} & self.calls_style
        if not relayed or calls:
            raise self._cycle(qualname, parent, level)
        key = (parent, level)
        if key not in self.planned:
            # Only what ``_as_read`` shows is read of it before ``parent`` is decided.
            fixture = self._fixture_name(parent, level)
            assumed = LevelPlan(level=level, fixture=fixture, setup=None, teardown=None, param=None)
            self.planned[key] = assumed
            self.assumed[key] = (assumed, qualname)

    def _confirm(self, qualname: str, level: str) -> None:
        """The decision of a class planned under an assumption (``_assume``) must give what
        the other classes were decided against; otherwise both keep their lifecycle."""
        entry = self.assumed.pop((qualname, level), None)
        if entry is None:
            return
        assumed, by = entry
        if _as_read(self.planned[(qualname, level)]) != _as_read(assumed):
            # The refusal spreads to every definer of the hierarchy (``_spread``).
            raise self._cycle(qualname, by, level)

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
        self.assumed.pop((qualname, level), None)
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


def _as_read(plan: LevelPlan) -> tuple[str, bool, bool]:
    """What deciding another class reads of a parent's plan: the fixture to request,
    whether it takes the test's cleanups (``chain_redirected``), whether it requests
    ``monkeypatch`` (``_patchable``)."""
    return plan.fixture, plan.redirect, "monkeypatch" in plan.requests
