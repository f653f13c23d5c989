"""Why a class's lifecycle cannot become a fixture: the checks of its lineage, users and bodies.

What it does: ``LineageChecks`` holds the checks the planner runs before it decides a class's
fixture: every class of the MRO known, consistent and written in the run; every test class
that runs the lifecycle free of wrappers, unknown bases and unittest's own runner; each
lifecycle body a plain function whose setup and teardown can share one fixture scope; and
the guards a fixture needs (skip decorators it cannot read, plain ``Test*`` classes pytest
collects). Each check raises ``Refused`` with a code.
Why: the decision (``transforms.plan``) is about what a fixture looks like; keeping the
"may it exist at all" questions apart keeps both readable.
Example: ``class T(Base, third_party.Mixin)`` raises MF104 from ``_check_lineage``.
Refuses when: the codes below; ``transforms.plan`` reports them.
"""

from __future__ import annotations

from collections.abc import Iterator

from transforms.bindings import ALTERNATIVES
from transforms.calls_plan import ASSERTING_CLEANUP
from transforms.codes import Code
from transforms.facts import BodyFacts
from transforms.hierarchy import CLASS_DECORATOR, INCONSISTENT, LEVELS
from transforms.index import ModuleInfo
from transforms.kept_plan import LEVEL
from transforms.reference_plan import ReferencePlanner
from transforms.refused import Refused as _Refused
from transforms.relay_plan import unwritable


class LineageChecks(ReferencePlanner):
    """The refusal checks of ``transforms.plan.Planner``, and the guards its fixtures need."""

    _assigned_bases: list[tuple[str, frozenset[str]]] | None

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
                if info is not None and (info.opaque_tests or self.unmarked_skips(entry)):
                    return True
            if self.skips_after_class_setup(user):
                return True
        return False

    def unmarked_skips(self, qualname: str) -> bool:
        """Whether the class has skip-decorated tests that keep their unittest decorator
        because a test class that inherits them has a class or module setup
        (``skips_after_class_setup``, ``run_plan._skip_classes``): every fixture that runs
        for those tests then checks the skip itself."""
        info = self.classes.get(qualname)
        if info is None or not info.skip_decorated:
            return False
        return any(self.skips_after_class_setup(u) for u in self.users(qualname))

    def skips_after_class_setup(self, user: str) -> bool:
        """Whether ``user`` has skip-decorated tests and a class or module setup: there a
        pytest mark would skip before the class setup (a failing setUpClass would read as a
        skip) or the module's (setUpModule and tearDownModule would not run at all when every
        test of the module is skipped), so the fixture checks the skip itself, after them,
        as unittest did."""
        mro = self.mro(user)
        decorated = any(
            (info := self.classes.get(entry)) is not None and info.skip_decorated for entry in mro
        )
        if not decorated:
            return False
        home = self.modules.get(self.classes[user].module)
        if home is not None and (home.functions or home.bound_otherwise):
            return True  # setUpModule/tearDownModule, converted or not, run first
        return any(self.defines(entry, LEVELS["class"]) for entry in mro)

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
        hidden = self._hidden_user(qualname)
        if hidden is not None:
            where, base = self.classes[hidden], self._assigned_base(hidden)
            raise _Refused(
                Code.UNKNOWN_BASE,
                info.line,
                f"{where.name} ({where.path}:{where.line}) inherits from {base}, an assigned"
                " value the model does not follow: it may be a subclass of this class",
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
                f"base {name}: an attribute of class {head} in {info.path}; the model stands"
                " only for a class defined there without bases, lifecycle methods or wrappers"
            )
        assigned = self._assigned_global(name)
        if assigned is not None:
            head, info = assigned
            return (
                f"base {name}: {head} is bound by an assignment in {info.path}, not by an import"
                " or a class statement; the model does not follow assigned values"
            )
        return f"base {name} is not in the run{self._missing_hint(module)}"

    def _missing_hint(self, module: str) -> str:
        """What to do about a base whose module was not read: include its file, when the
        project has its package; else say that nothing of the project is that package
        (installed code, such as a test helper another distribution ships, is never read)."""
        if not module:
            return ""
        top = module.split(".", 1)[0]
        names = {k.split("#", 1)[0] for k in self.modules}
        if any(n == top or n.startswith(f"{top}.") for n in names):
            return f"; include the file of module {module} in the run"
        return (
            f"; no file of the project is module {module} (installed packages are not read:"
            " their setUp and tearDown are unknown)"
        )

    def _class_attribute(self, name: str) -> tuple[str, ModuleInfo] | None:
        """(class, module) when ``name`` goes through a class of a module of the run
        (``helpers.Holder.Mixin``)."""
        found = self._module_prefix(name, after=2)
        if found is None or not any(c.name == found[0] for c in found[1].classes):
            return None
        return found

    def _hidden_user(self, qualname: str) -> str | None:
        """A class whose base is a global its module binds by an assignment the model does
        not follow (``Made = either(flag)``): that value may be any class it reads
        (``_assigned_reach``), so such a class may inherit ``qualname``'s fixture unseen,
        and is kept as it is. The first such class that can reach ``qualname``, if any."""
        if self._assigned_bases is None:
            self._assigned_bases = [
                (klass, self._assigned_reach(klass))
                for klass, info in sorted(self.classes.items())
                if info.module_level and self._assigned_base(klass) is not None
            ]
        return next((k for k, reach in self._assigned_bases if qualname in reach), None)

    def _assigned_reach(self, klass: str) -> frozenset[str]:
        """The classes of the run an assigned base of ``klass`` may be or derive from: the
        MRO of each class its value (or a function of its module that the value calls)
        reads, and everything a module can reach whose function it calls."""
        module = self.modules[self.classes[klass].module]
        found: set[str] = set()
        for _name, head in self._assigned_globals(klass):
            for read in module.assigned_reads.get(head, ()):
                known = self.known(read)
                if known is not None:
                    found.update(k for k in self.mro(known) if k in self.classes)
                    continue
                prefix = self._module_prefix(read, after=1)
                # The module's own functions are read already (``index._assigned_reads``).
                if prefix is not None and prefix[1] is not module and prefix[0] in prefix[1].defs:
                    found |= self._reachable_from(prefix[1], None)
        return frozenset(found)

    def _assigned_base(self, qualname: str) -> str | None:
        """The first base of the class that is a global bound by an assignment the model
        does not follow, as written in the index, or None."""
        return next((name for name, _ in self._assigned_globals(qualname)), None)

    def _assigned_globals(self, qualname: str) -> Iterator[tuple[str, str]]:
        """(base, global) for each base of the class that goes through a global its module
        binds by an assignment the model does not follow (``_assigned_global``)."""
        for base in self.classes[qualname].bases:
            name = self.canonical(base)
            if name is None or self.kind(name) != "unknown" or ALTERNATIVES in name:
                continue
            found = self._assigned_global(name.lstrip("?."))
            if found is not None:
                yield name.lstrip("?."), found[0]

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


def _wrapper_words(owner: str, what: str) -> str:
    """Why a wrapper (``Hierarchy.wrapping``) of the class ``owner`` refuses."""
    short = owner.rsplit(".", 1)[-1]
    if what.startswith(("reads ", "defines ")):
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
