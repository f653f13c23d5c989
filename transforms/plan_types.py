"""The plans the transforms read: what one fixture is made of, and what one file needs.

What it does: defines ``LevelPlan`` (one fixture: its setup and teardown sources, what it
requests and switches off, the temporary-path, environment and calls-style details) and
``FilePlan`` (every fixture of a module, its refusals and hazards, and how it spells
``pytest`` and ``contextlib``).
Why: the planner (``transforms.plan``, ``transforms.resource_plan``) writes these and the
CST transforms read them; a module of plain values keeps both sides free of each other.
Example: ``LevelPlan(level="function", fixture="_user_tests_setup", setup="setUp", ...)``.
Refuses when: never; values only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from transforms.codes import Refusal


@dataclass(frozen=True)
class LevelPlan:
    """One fixture to write: where its setup and teardown come from and what it requests."""

    level: str
    fixture: str
    setup: str | None
    teardown: str | None
    param: str | None
    requests: tuple[str, ...] = ()
    disables: tuple[str, ...] = ()
    stack: str | None = None
    cleanup_api: Mapping[str, str] = field(default_factory=dict)
    hoist_globals: tuple[str, ...] = ()
    # (target, ast.unparse of the old value, new value source) for temporary paths.
    temp: tuple[tuple[str, str, str], ...] = ()
    # (ast.unparse of a tempfile maker call, the ``dir=`` value it gets, how many such calls).
    dirs: tuple[tuple[str, str, int], ...] = ()
    # ast.unparse of whole statements to drop (removals of what pytest now owns).
    drops: tuple[str, ...] = ()
    temp_lines: tuple[int, ...] = ()
    # (ast.unparse of the setup's os.chdir statement, of the teardown's restore) for monkeypatch.
    chdir: tuple[str, str] | None = None
    # ast.unparse of the setUp's ``os.environ[K] = v`` statements that become
    # ``monkeypatch.setenv(K, v)``, and of the tearDown restores that go with them.
    env: tuple[str, ...] = ()
    env_restores: tuple[str, ...] = ()
    # How the module spells pytest and contextlib (an alias when the names are taken).
    names: tuple[str, str] = ("pytest", "contextlib")
    # Calls style (``transforms.calls_plan``): the class's lifecycle methods stay as helper
    # methods, renamed (original name, helper name); the fixture calls ``entries`` (the
    # helpers of its setup and teardown part, own or inherited); in the helpers, parent
    # calls (spelled ``""`` for super(), else the dotted class) call another helper ("" drops).
    calls: bool = False
    # Cleanups registered outside the lifecycle (tests, helpers) go to this fixture's stack:
    # ``self.addCleanup = cleanups.callback`` first, so they run after every teardown.
    redirect: bool = False
    # Start the fixture by skipping a test a decorator marked skipped (unittest's check).
    skip_guard: bool = False
    # A ``Test*`` class pytest collects as a plain class inherits this fixture: the fixture
    # starts by doing nothing for a test that is not a TestCase (names that class).
    plain_guard: str = ""
    # Whether the setup body has a ``return`` in its own scope (from the index's facts): the
    # rewrite looks for returns to lift only then (a libcst walk of every body costs).
    setup_returns: bool = True
    helpers: tuple[tuple[str, str], ...] = ()
    entries: tuple[str | None, str | None] = (None, None)
    parent_calls: tuple[tuple[str, str, str], ...] = ()
    # Spellings that name a module (``ModuleInfo.module_spellings``): ``testing.setUp(self)``
    # is a call of a module's function there, not a parent call.
    modules: frozenset[str] = frozenset()


@dataclass(frozen=True)
class KeptPlan:
    """A refused test class left to unittest while its parents' lifecycles become fixtures
    (``transforms.kept_plan``): what it needs to keep running exactly what it ran."""

    # The parents' fixtures it switches off (unittest runs its own lifecycle instead).
    disables: tuple[str, ...]
    # (lifecycle method it inherited from a converted parent, that parent's helper to call).
    stubs: tuple[tuple[str, str], ...]
    # (method, spelled parent call, helper or ``KEEP``) for the parent calls in its methods.
    parent_calls: tuple[tuple[str, str, str], ...]
    # As ``LevelPlan.modules``.
    modules: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Relay:
    """A fixture a test class gets so that a cooperative mixin's fixture requests what
    follows the mixin in that class's MRO (``transforms.relay_plan``)."""

    level: str
    name: str
    mixin: str  # the mixin's class name
    target: str  # the fixture of what follows it there; "" when super() reaches TestCase
    reached: str  # the class name of what follows it, for the docstring
    # Calls style: the lifecycle method whose ``super()`` call the relay stands for; the
    # relay is then a plain method calling ``target``, the helper reached (see
    # ``relay_plan.call_relays``).
    method: str = ""


@dataclass(frozen=True)
class FilePlan:
    """Everything the rewrite of one file needs; empty when nothing changes."""

    path: str
    classes: Mapping[str, tuple[LevelPlan, ...]]
    module: LevelPlan | None
    refusals: tuple[Refusal, ...]
    hazards: tuple[Refusal, ...] = ()
    # Classes whose decorator-skipped test methods get pytest skip marks, and how this
    # module spells unittest's skip decorators (``unittest.skip``, ``ut.skipIf``, ``skip``).
    skip_classes: tuple[str, ...] = ()
    skip_spellings: Mapping[str, str] = field(default_factory=dict)
    pytest_name: str = "pytest"
    contextlib_name: str = "contextlib"
    # Refused classes left to unittest under converted parents, by class name.
    kept: Mapping[str, KeptPlan] = field(default_factory=dict)
    # ``ModuleInfo.temp_reads``: the shutil/tempfile names the original reads.
    temp_reads: frozenset[str] = frozenset()
    # Relay fixtures to add, by class name (``transforms.relay_plan``).
    relays: Mapping[str, tuple[Relay, ...]] = field(default_factory=dict)
    # Calls of a lifecycle method from a method, pointed at a calls-style helper: (class,
    # method, "super" or "self", lifecycle method, helper) (``Planner.call_sites``).
    call_sites: tuple[tuple[str, str, str, str, str], ...] = ()

    @property
    def changes(self) -> bool:
        return (
            bool(self.classes)
            or self.module is not None
            or bool(self.skip_classes)
            or bool(self.kept)
            or bool(self.relays)
            or bool(self.call_sites)
        )

    @property
    def moves_temp_paths(self) -> bool:
        """Whether a ``tempfile``/``shutil`` use was replaced or dropped (imports may go)."""
        levels = [p for ps in self.classes.values() for p in ps]
        levels += [self.module] if self.module else []
        return any(p.temp or p.drops for p in levels)

    @property
    def needs_contextlib(self) -> bool:
        levels = [p for ps in self.classes.values() for p in ps]
        levels += [self.module] if self.module else []
        return any(p.stack for p in levels)
