"""Differential fuzzing: generated unittest modules, run before and after migration, compared
by what actually ran.

A program is a hierarchy of 1-4 levels (test classes and mixins, several bases), whose
setUp/tearDown/setUpClass/tearDownClass and setUpModule/tearDownModule call ``super()`` in
varied positions (first, last, middle, inside a block, never) or name a base explicitly
(``Base.setUp(self)``), register cleanups, return early, skip, or raise, and may be defined
inside an ``if``/``try`` block of the class body; test methods log, register cleanups, fail
or are skipped by decorator.
Every lifecycle function, test and cleanup appends ``[owner, event]`` to a JSON-lines file
named by ``MF_FUZZ_EVENTS`` (the owner is the test id for per-test events, the class for
class-level ones), so a run yields, per test, the trace of what ran for it.

``check_batch`` writes a batch of programs as modules, migrates them, runs the originals under
pytest and the migrated ones under pytest and ``pytest -n 2``, and returns every difference:
per-test traces and outcomes (serial, and per test under xdist), the whole class-level trace
(serial), output that does not compile or changes on a second run, and refused modules that
were touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import types
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from hypothesis import strategies as st

from migrator.engine import Options, migrate_paths, write_changes

# "explicit": ``Base.setUp(self)`` naming the first base, first in the body (a super()
# call first where that cannot be written: class level, or a base that is ``object``).
POSITIONS = ("none", "first", "last", "middle", "nested", "explicit")
# Lifecycle methods found and converted, and refusals, over every batch checked here.
COUNTS = {"found": 0, "converted": 0, "refused": 0}
EVENTS_ENV = "MF_FUZZ_EVENTS"


@dataclass(frozen=True)
class Lifecycle:
    """One lifecycle method: where it calls its parent, and what else it does."""

    name: str
    position: str
    cleanup: bool
    early_return: bool
    skip: bool
    raises: bool
    # Adds a logging handler (per-phase state, MF119): a refused child under parents that
    # convert stays unittest (``transforms.kept_plan``).
    phase: bool = False
    # Hands the test to a module function that registers a cleanup on it (``register``).
    escape: bool = False
    # Defined in a block of the class body: "if" (``if FLAG:``, a module constant the tool
    # folds: defined), "ifnot" (``if not FLAG:``: never defined), "try" (``try:``/``except``:
    # defined, a binding the tool does not fold, MF103); "" at the class body's top level.
    block: str = ""
    # setUp first has a cleanup registered for it, before its own: by the module function
    # ``register`` ("function") or by the class's ``_helper_register`` method ("method").
    # unittest runs it after the setUp's own cleanup (last in, first out).
    helper_first: str = ""
    # A "first" parent call comes after statements that only bind locals (a def, a
    # constant): still first for a fixture chain (``facts._inert``).
    inert_prefix: bool = False


@dataclass(frozen=True)
class Test:
    name: str
    fails: bool
    cleanup: bool
    skipped: bool
    escape: bool = False
    # Runs a lifecycle method again from the test: "self" (self.setUp()), "super"
    # (super().setUp()), "teardown" (self.tearDown()), or "" for none.
    again: str = ""
    # Defined in an ``if FLAG:`` or ``try:`` block of the class body ("" at its top level);
    # a skipped test there carries ``@unittest.skip``, which becomes a pytest mark.
    block: str = ""
    # Registers its cleanup through a helper method defined in an ``if FLAG:`` block.
    helper: bool = False
    # Carries ``@retry_once``, whose wrapper runs ``self.tearDown(); self.setUp()`` and the
    # test again when it fails: the lifecycle of its class is used by that decorator.
    retried: bool = False


# Class decorators of unittest that skip every test of the class (or none), before any
# class or test setup.
CLASS_SKIPS = ('unittest.skip("class skipped")', 'unittest.skipIf(not FLAG, "never skipped")')


@dataclass(frozen=True)
class Klass:
    name: str
    bases: tuple[str, ...]
    methods: tuple[Lifecycle, ...]
    tests: tuple[Test, ...]
    # "" at module top level, or inside a module-level ``if`` / ``try``-``else`` block.
    block: str = ""
    # The class decorator: ``tagged``, one the tool cannot read (the class stays unittest
    # when it can: ``transforms.kept_plan``), ``_mark``, the same function read as setting
    # a plain attribute (the class converts), ``_patched``, read as mock's patcher (it wraps
    # the test methods only: events inside it say so), or one of ``CLASS_SKIPS``; "" for none.
    decorated: str = ""
    # A first base reached as a class attribute: ``Helpers.Asserts`` (no lifecycle) or
    # ``Helpers.Setup`` (a setUp the tool does not read); ``Rebinding``, whose __init__
    # swaps the instance's setUp for a wrapper; ``Outcome`` / ``OutcomeSetup``, reading
    # unittest's run state in a tearDown / a setUp; "" for none.
    namespace: str = ""


@dataclass(frozen=True)
class Program:
    name: str
    classes: tuple[Klass, ...]
    module_setup: Lifecycle | None
    module_teardown: Lifecycle | None
    # Earlier modules of the batch whose classes are bases here, spelled ``module.Class``
    # (``import test_fuzz_0``): bases in another file, which pytest does not collect again
    # in this module as it would a class bound by ``from ... import``.
    imports: tuple[str, ...] = ()


# A class of an earlier module of the batch: (module, class, whether it derives from TestCase).
Foreign = tuple[str, str, bool]


PRELUDE = """\
import functools
import json
import logging
import os
import unittest
from unittest import mock

HANDLER = logging.NullHandler()


def ev(owner, what):
    if isinstance(owner, unittest.TestCase):
        who = owner.id()
    elif isinstance(owner, (type, str)):
        who = getattr(owner, "__name__", owner)
    else:  # a test of a plain class pytest collects: its node id, as module.Class.test
        node = os.environ["PYTEST_CURRENT_TEST"].split(" ")[0]
        path, _, rest = node.partition("::")
        who = os.path.splitext(os.path.basename(path))[0] + "." + rest.replace("::", ".")
    if os.environ.get("MF_FUZZ_PATCHED"):
        what += " (inside a patch)"
    with open(os.environ["MF_FUZZ_EVENTS"], "a", encoding="utf-8") as handle:
        handle.write(json.dumps([who, what]) + "\\n")


def skip_by_decorator(func):
    return unittest.skip("decorated")(func)


FLAG = True


def register(test, what):
    test.addCleanup(ev, test, what)


def _mark(cls):
    cls.tagged = True
    return cls


tagged = [_mark][0]  # a decorator the tool cannot read


def _patched(cls):
    if FLAG:
        cls = mock.patch.dict(os.environ, {"MF_FUZZ_PATCHED": "1"})(cls)
    return cls


def retry_once(fun):
    @functools.wraps(fun)
    def wrapper(self):
        try:
            return fun(self)
        except AssertionError:
            ev(self, "retry")
            self.tearDown()
            self.setUp()
            return fun(self)

    return wrapper


# Bases reached as attributes of a class: one the tool can stand for (no lifecycle), one
# it cannot read (a setUp of its own).
class Helpers:
    class Asserts:
        def logged(self, what):
            ev(self, what)

    class Setup:
        def setUp(self):
            ev(self, "Helpers.Setup.setUp")
            super().setUp()


# Like CPython's ThreadableTest: the instance's setUp becomes a wrapper that runs it.
class Rebinding:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._real_setUp = self.setUp
        self.setUp = self._wrapped_setUp

    def _wrapped_setUp(self):
        ev(self, "Rebinding wrapper")
        self._real_setUp()


# Read unittest's run state (set only while run() runs): from a tearDown, which then stays
# unittest's while the setUps convert; from a setUp, which keeps the hierarchy as it is.
class Outcome:
    @property
    def outcome_failed(self):
        return not self._outcome.success  # AttributeError outside run()

    def tearDown(self):
        ev(self, f"Outcome.tearDown failed={self.outcome_failed}")
        super().tearDown()


class OutcomeSetup:
    def setUp(self):
        ev(self, f"OutcomeSetup.setUp in run={self._outcome is not None}")
        super().setUp()
"""


@st.composite
def lifecycles(draw: st.DrawFn, name: str, root: bool) -> Lifecycle:
    setup = name.startswith("setUp")
    return Lifecycle(
        name=name,
        position=draw(st.sampled_from(POSITIONS)),
        cleanup=draw(st.booleans()),
        early_return=setup and draw(st.booleans()),
        # A skip written in a child's setUp after its parent's setup sends the hierarchy to
        # the calls style (unittest then runs no parent tearDown either).
        skip=setup and name == "setUp" and draw(st.integers(0, 9)) == 0,
        # A failing setup whose parent setup already ran is only "close" (README): the parent
        # fixture's teardown runs where unittest's did not. Failures go to root classes.
        raises=root and draw(st.integers(0, 5)) == 0,
        phase=name in ("setUp", "tearDown") and not root and draw(st.integers(0, 3)) == 0,
        escape=name in ("setUp", "tearDown") and draw(st.integers(0, 3)) == 0,
        block=draw(st.sampled_from(["", "", "", "", "", "", "if", "ifnot", "try"])),
        helper_first=draw(st.sampled_from(["", "", "", "", "function", "method"]))
        if name == "setUp"
        else "",
        inert_prefix=setup and draw(st.integers(0, 4)) == 0,
    )


@st.composite
def programs(draw: st.DrawFn, name: str, foreign: tuple[Foreign, ...] = ()) -> Program:
    count = draw(st.integers(1, 4))
    classes: list[Klass] = []
    # The names (as written here) of the classes that derive from TestCase.
    tests_: set[str] = {f"{m}.{k}" for m, k, testish in foreign if testish}
    for index in range(count):
        earlier = [c.name for c in classes]
        if foreign and draw(st.integers(0, 2)) == 0:
            earlier += [f"{m}.{k}" for m, k, _ in foreign]
        chosen = (
            draw(st.lists(st.sampled_from(earlier), unique=True, max_size=2)) if earlier else []
        )
        mixin = not chosen and index < count - 1 and draw(st.booleans())
        bases = tuple(chosen) or (("object",) if mixin else ("unittest.TestCase",))
        testish = any(c in tests_ for c in chosen)
        if chosen and (not testish or draw(st.integers(0, 3)) == 0):
            # Mixins alone make no test class: unittest.TestCase joins them (also after
            # test classes, where super() chains end at it).
            bases = (*bases, "unittest.TestCase")
        root = not chosen
        methods = []
        for method in ("setUp", "tearDown", "setUpClass", "tearDownClass"):
            if draw(st.integers(0, 2 if method.endswith("Class") else 1)) == 0:
                methods.append(draw(lifecycles(method, root)))
        tests = tuple(
            Test(
                name=f"test_{index}_{n}",
                fails=draw(st.integers(0, 4)) == 0,
                cleanup=draw(st.booleans()),
                skipped=draw(st.integers(0, 5)) == 0,
                escape=draw(st.integers(0, 3)) == 0,
                again=draw(st.sampled_from(["", "", "", "", "", "self", "super", "teardown"])),
                block=draw(st.sampled_from(["", "", "", "", "if", "try"])),
                helper=draw(st.integers(0, 3)) == 0,
                retried=draw(st.integers(0, 5)) == 0,
            )
            for n in range(draw(st.integers(0 if mixin else 1, 2)))
        )
        block = draw(st.sampled_from(["", "", "", "if", "try"]))
        klass = f"{name.title().replace('_', '')}{index}"
        if "unittest.TestCase" in bases or testish:
            tests_.add(klass)
        decorated = draw(st.sampled_from(["", "", "", "", "", "", *CLASS_SKIPS]))
        if not root:
            decorated = decorated or draw(
                st.sampled_from(["", "", "", "", "tagged", "_mark", "_patched"])
            )
        namespace = draw(
            st.sampled_from(
                ["", "", "", "", "", "", "Asserts", "Setup", "Rebinding", "Outcome", "OutcomeSetup"]
            )
        )
        classes.append(Klass(klass, bases, tuple(methods), tests, block, decorated, namespace))
    module_setup = draw(st.none() | lifecycles("setUpModule", True))
    module_teardown = draw(st.none() | lifecycles("tearDownModule", True))
    used = sorted(
        {b.rsplit(".", 1)[0] for c in classes for b in c.bases if "." in b} - {"unittest"}
    )
    return Program(name, tuple(classes), module_setup, module_teardown, tuple(sorted(used)))


def exported(program: Program) -> tuple[Foreign, ...]:
    """The classes of ``program`` that later modules of a batch may take as bases: those at
    the top level (one a block or a function makes is left to the module itself)."""
    module = f"test_{program.name}"
    tests_: set[str] = {"unittest.TestCase"}
    out: list[Foreign] = []
    for klass in program.classes:
        testish = bool(set(klass.bases) & tests_)
        if testish:
            tests_.add(klass.name)
        if not klass.block:
            out.append((module, klass.name, testish))
    return tuple(out)


@st.composite
def batches(draw: st.DrawFn) -> tuple[Program, ...]:
    """1 to 6 generated modules; a later one may subclass the classes of earlier ones."""
    out: list[Program] = []
    for index in range(draw(st.integers(1, 6))):
        name = f"fuzz_{index}"
        foreign = tuple(f for p in out for f in exported(p))
        out.append(draw(programs(name, foreign) | shared_mixins(name)))
    return tuple(out)


@st.composite
def cooperative(draw: st.DrawFn, name: str, level: str) -> Lifecycle:
    """A lifecycle method that calls super() where a fixture chain can: first in a setup,
    last in a teardown; it may register a cleanup."""
    setup = name.startswith("setUp")
    return Lifecycle(
        name=name,
        position="first" if setup else "last",
        cleanup=draw(st.integers(0, 3)) == 0,
        early_return=False,
        skip=False,
        raises=False,
        inert_prefix=setup and draw(st.integers(0, 3)) == 0,
    )


@st.composite
def shared_mixins(draw: st.DrawFn, name: str) -> Program:
    """A cooperative mixin used by test classes whose MROs put different classes after it
    (``T1(Mixin, Base)``, ``T2(Mixin, Other, Base)``, ``T3(Mixin, TestCase)``, subclasses):
    the shape the relay fixtures of ``transforms.relay_plan`` convert."""
    prefix = name.title().replace("_", "")
    level = draw(st.sampled_from(["function", "function", "class"]))
    names = ("setUp", "tearDown") if level == "function" else ("setUpClass", "tearDownClass")

    def methods(root: bool, shaped: bool = False) -> tuple[Lifecycle, ...]:
        chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True))
        out = []
        for method in names:
            if method in chosen:
                made = draw(cooperative(method, level))
                if shaped and draw(st.integers(0, 2)) == 0:
                    # super() between other statements: the calls style, whose helper
                    # calls per-user relay methods (``relay_plan.call_relays``).
                    made = replace(made, position="middle")
                out.append(replace(made, position="none") if root else made)
        return tuple(out)

    def tests(index: int) -> tuple[Test, ...]:
        count = draw(st.integers(1, 2))
        fails = [draw(st.integers(0, 5)) == 0 for _ in range(count)]
        return tuple(Test(f"test_{index}_{n}", fails[n], False, False) for n in range(count))

    base = Klass(f"{prefix}Base", ("unittest.TestCase",), methods(True), tests(0))
    other = Klass(f"{prefix}Other", ("object",), methods(False), ())
    # A ``Test*`` mixin with tests is collected by pytest as a plain class as well.
    plain = draw(st.integers(0, 3)) == 0
    mixin = Klass(
        f"Test{prefix}Mixin" if plain else f"{prefix}Mixin",
        ("object",),
        methods(False, shaped=True),
        tuple(Test(f"test_plain_{n}", False, False, False) for n in range(2 if plain else 0)),
    )
    candidates = [
        (mixin.name, base.name),
        (mixin.name, other.name, base.name),
        (mixin.name, "unittest.TestCase"),
        (other.name, base.name),
        # With (mixin, other, base): the two mixins follow each other in different test
        # classes (``Planner._assume``).
        (other.name, mixin.name, base.name),
    ]
    # One user (or users that agree) gives a single successor; two or more, often relays.
    least = draw(st.integers(1, 2))
    picked = draw(st.lists(st.sampled_from(candidates), min_size=least, max_size=4, unique=True))
    users = [
        Klass(
            f"{prefix}User{i}",
            bases,
            methods(False) if draw(st.booleans()) else (),
            tests(i + 1),
            draw(st.sampled_from(["", "", "", "", "", "def"])),
        )
        for i, bases in enumerate(picked)
    ]
    if users and draw(st.booleans()):
        users.append(Klass(f"{prefix}Sub", (users[0].name,), (), tests(9)))
    return Program(name, (base, other, mixin, *users), None, None)


def _cleanup_lines(method: Lifecycle, level: str, owner: str, tag: str) -> list[str]:
    """A setUp's helper-registered cleanup (``helper_first``), then its own cleanup."""
    lines = []
    if method.helper_first == "function":
        lines.append(f'register(self, "{tag} helper cleanup")')
    elif method.helper_first == "method":
        lines.append(f'self._helper_register("{tag} helper cleanup")')
    if method.cleanup:
        api = "addClassCleanup" if level == "class" else "addCleanup"
        lines.append(f'{owner}.{api}(ev, {owner}, "{tag} cleanup")')
    return lines


def _method_lines(klass: Klass, method: Lifecycle) -> list[str]:
    level = "class" if method.name.endswith("Class") else "function"
    owner = "cls" if level == "class" else "self"
    tag = f"{klass.name}.{method.name}"
    parent = f"super().{method.name}()"
    body = [f'ev({owner}, "{tag} start")', *_cleanup_lines(method, level, owner, tag)]
    if method.phase:
        body.append('logging.getLogger("mf-fuzz").addHandler(HANDLER)')
    if method.escape:
        body.append(f'register({owner}, "{tag} escaped cleanup")')
    if method.skip:
        body += ["if FLAG:", f'    {owner}.skipTest("skipped in {tag}")']
    if method.raises:
        body += ["if FLAG:", f'    raise RuntimeError("{tag} fails")']
    end = [f'ev({owner}, "{tag} end")']
    if method.early_return:
        end = ["if FLAG:", f'    ev({owner}, "{tag} returns")', "    return", *end]
    position = method.position
    if position == "first":
        inert = ["def _local(value=1):", "    return value", "local_limit = 2"]
        lines = [*(inert if method.inert_prefix else []), parent, *body, *end]
    elif position == "last":
        lines = [*body, *end, parent]
    elif position == "middle":
        lines = [*body, parent, *end]
    elif position == "nested":
        lines = [*body, "if FLAG:", f"    {parent}", *end]
    elif position == "explicit":
        first = klass.bases[0]
        explicit = level == "function" and first != "object"
        lines = [f"{first}.{method.name}(self)" if explicit else parent, *body, *end]
    else:
        lines = [*body, *end]
    decorator = ["@classmethod"] if level == "class" else []
    made = [*decorator, f"def {method.name}({owner}):", *(f"    {line}" for line in lines)]
    return _in_class_block(method.block, made)


def _in_class_block(block: str, lines: list[str]) -> list[str]:
    """A method definition at the class body's top level or inside one of its blocks."""
    inner = [f"    {line}" for line in lines]
    if block == "if":
        return ["if FLAG:", *inner]
    if block == "ifnot":
        return ["if not FLAG:", *inner]
    if block == "try":
        return ["try:", *inner, "except ImportError:", "    pass"]
    return lines


def _test_lines(test: Test) -> list[str]:
    skip = '@unittest.skip("skipped")' if test.block else "@skip_by_decorator"
    lines = [skip] if test.skipped else []
    lines += ["@retry_once"] if test.retried else []
    lines += [f"def {test.name}(self):", f'    ev(self, "{test.name}")']
    register = f'self.addCleanup(ev, self, "{test.name} cleanup")'
    if test.cleanup and test.helper:
        lines.append(f"    self._register_{test.name}()")
    elif test.cleanup:
        lines.append(f"    {register}")
    if test.escape:
        lines.append(f'    register(self, "{test.name} escaped cleanup")')
    again = {"self": "self.setUp()", "super": "super().setUp()", "teardown": "self.tearDown()"}
    if test.again:
        lines.append(f"    {again[test.again]}")
    if test.fails:
        lines.append(f'    self.fail("{test.name} fails")')
    lines = _in_class_block(test.block, lines)
    if test.cleanup and test.helper:
        lines += [
            "",
            *_in_class_block("if", [f"def _register_{test.name}(self):", f"    {register}"]),
        ]
    return lines


def _module_function(method: Lifecycle) -> list[str]:
    body = [f'ev(__name__, "{method.name} start")']
    if method.cleanup:
        body.append(f'unittest.addModuleCleanup(ev, __name__, "{method.name} cleanup")')
    body.append(f'ev(__name__, "{method.name} end")')
    return [f"def {method.name}():", *(f"    {line}" for line in body)]


def render(program: Program) -> str:
    """The program as the source text of a unittest module."""
    out = [PRELUDE]
    out += [f"import {module}" for module in program.imports]
    for function in (program.module_setup, program.module_teardown):
        if function is not None:
            out += ["", *_module_function(function), ""]
    for klass in program.classes:
        lines = [f"@{klass.decorated}"] if klass.decorated else []
        bases = (f"Helpers.{klass.namespace}",) if klass.namespace else ()
        own = ("Rebinding", "Outcome", "OutcomeSetup")
        bases = (klass.namespace,) if klass.namespace in own else bases
        lines.append(f"class {klass.name}({', '.join((*bases, *klass.bases))}):")
        members: list[list[str]] = [_method_lines(klass, m) for m in klass.methods]
        members += [_test_lines(t) for t in klass.tests]
        if any(m.helper_first == "method" for m in klass.methods):
            members.append(
                ["def _helper_register(self, what):", "    self.addCleanup(ev, self, what)"]
            )
        if not members:
            members = [["pass"]]
        for member in members:
            lines += [f"    {line}" for line in member] + [""]
        out += ["", "", *_in_block(klass.block, lines, klass.name)]
    return "\n".join(out).rstrip() + "\n"


def _in_block(block: str, lines: list[str], name: str) -> list[str]:
    """A class statement at top level, in a module-level block that runs it, or in a
    function whose result the module binds (a nested class: never rewritten)."""
    inner = [f"    {line}" if line else "" for line in lines]
    if block == "def":
        made = f"_make_{name}"
        return [f"def {made}():", *inner, f"    return {name}", "", "", f"{name} = {made}()"]
    if block == "if":
        return ["if os.sep:", *inner]
    if block == "try":
        head = ["try:", "    import json as _json", "except ImportError:", "    pass", "else:"]
        return [*head, *inner]
    return lines


def valid(batch: Iterable[Program]) -> bool:
    """Whether the modules can be imported, in order (a consistent MRO for every class)."""
    made: list[str] = []
    try:
        for program in batch:
            name = f"test_{program.name}"
            module = types.ModuleType(name)
            sys.modules[name] = module
            made.append(name)
            exec(compile(render(program), name, "exec"), module.__dict__)
    except TypeError:
        return False
    finally:
        for name in made:
            sys.modules.pop(name, None)
    return True


@dataclass(frozen=True)
class Run:
    outcomes: dict[str, str]
    traces: dict[str, list[str]]
    returncode: int
    output: str


def run(folder: Path, workers: int | None) -> Run:
    events = folder / "events.jsonl"
    events.unlink(missing_ok=True)
    outcomes_file = folder / "outcomes.json"
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "migrator.outcomes_plugin",
    ]
    if workers:
        cmd += ["-p", "xdist", "-n", str(workers)]
    cmd.append(".")
    root = str(Path(__file__).resolve().parent.parent)
    env = {
        **os.environ,
        EVENTS_ENV: str(events),
        "MIGRATE_FIXTURES_OUTCOMES": str(outcomes_file),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": root,
    }
    proc = subprocess.run(cmd, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    data = json.loads(outcomes_file.read_text()) if outcomes_file.exists() else {"outcomes": {}}
    traces: dict[str, list[str]] = defaultdict(list)
    if events.exists():
        for line in events.read_text().splitlines():
            owner, what = json.loads(line)
            traces[owner].append(what)
    return Run(data["outcomes"], dict(traces), proc.returncode, proc.stdout[-3000:])


def _per_test(run_: Run) -> dict[str, tuple[str, list[str]]]:
    """Outcome (failed and error count as one: the phase differs, see README) and trace of
    every test, keyed by the test id both runs share."""
    out: dict[str, tuple[str, list[str]]] = {}
    for nodeid, outcome in run_.outcomes.items():
        path, _, rest = nodeid.partition("::")
        test_id = f"{Path(path).stem}.{rest.replace('::', '.')}"
        colour = "red" if outcome in ("failed", "error") else outcome
        out[test_id] = (colour, run_.traces.get(test_id, []))
    return out


def _class_trace(run_: Run, tests: set[str], modules: set[str]) -> list[tuple[str, list[str]]]:
    """Class- and module-level events of a serial run. pytest never runs the original's
    module cleanups (only unittest's runner calls ``doModuleCleanups``); the migrated module
    fixture runs them as unittest would: a documented difference, left out here."""
    out = []
    for owner, events in sorted(run_.traces.items()):
        if owner in tests:
            continue
        if owner in modules:
            events = [e for e in events if not e.endswith("Module cleanup")]
        out.append((owner, events))
    return out


def _migrate_and_check(after: Path, sources: dict[str, str]) -> list[str]:
    """Migrate the modules in place; what is wrong with the rewrite itself."""
    problems: list[str] = []
    report = migrate_paths([after], Options(jobs=1))
    COUNTS["found"] += int(str(report.summary()["lifecycle_methods_found"]))
    COUNTS["converted"] += report.converted
    COUNTS["refused"] += len(report.refusals)
    problems += [f"{f.path}: internal error {f.error}" for f in report.files if f.error]
    for result in report.files:
        converted = bool(result.converted) or bool(result.output)
        if not converted and result.output is not None:
            problems.append(f"{result.path}: refused module changed")
    write_changes(report)
    for name in sources:
        text = (after / name).read_text(encoding="utf-8")
        try:
            compile(text, name, "exec", dont_inherit=True)
        except SyntaxError as exc:
            problems.append(f"{name}: output does not compile: {exc}")
    again = migrate_paths([after], Options(jobs=1))
    problems += [f"{f.path}: second run changes it" for f in again.files if f.output]
    return problems


def _owner(test_id: str) -> set[str]:
    """The module and the class of a test id ``module.Class.test``."""
    module, cls, _ = test_id.split(".", 2) if test_id.count(".") >= 2 else (test_id, "", "")
    return {module, cls}


def _shared_teardown_failures(programs_: list[Program]) -> set[str]:
    """Modules and classes whose class- or module-level teardown raises."""
    out: set[str] = set()
    raising: set[str] = set()  # class names are unique in a batch: their module is left out
    for program in programs_:  # in order: bases come first, also those of other modules
        if program.module_teardown is not None and program.module_teardown.raises:
            out.add(f"test_{program.name}")
        raising |= {
            k.name
            for k in program.classes
            if any(m.raises and m.name == "tearDownClass" and m.block != "ifnot" for m in k.methods)
        }
        for klass in program.classes:
            if raising & {b.rsplit(".", 1)[-1] for b in klass.bases}:
                raising.add(klass.name)  # a subclass inherits or reaches the failing one
    return out | raising


def check_batch(programs_: list[Program], workdir: Path) -> list[str]:
    """Every difference found for a batch of programs (empty when all is exact)."""
    before, after = workdir / "before", workdir / "after"
    for folder in (before, after):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    sources = {f"test_{p.name}.py": render(p) for p in programs_}
    for name, source in sources.items():
        (before / name).write_text(source, encoding="utf-8")
        (after / name).write_text(source, encoding="utf-8")
    problems = _migrate_and_check(after, sources)
    serial_before, serial_after = run(before, None), run(after, None)
    parallel_after = run(after, 2)
    want = _per_test(serial_before)
    if not want:
        problems.append(f"no test ran: {serial_before.output}")
    shared = _shared_teardown_failures(programs_)
    for label, got in (("serial", _per_test(serial_after)), ("-n 2", _per_test(parallel_after))):
        for test_id in sorted(set(want) | set(got)):
            old, new = want.get(test_id), got.get(test_id)
            if label == "-n 2" and old and new and _owner(test_id) & shared:
                # A failing tearDownClass/tearDownModule is reported on the last test of the
                # class or module that a worker ran: which one depends on the distribution,
                # before as after. The trace still must match.
                old, new = old[1], new[1]
            if old != new:
                problems.append(f"{label} {test_id}: {want.get(test_id)} != {got.get(test_id)}")
    tests, modules = set(want), {f"test_{p.name}" for p in programs_}
    old = dict(_class_trace(serial_before, tests, modules))
    new = dict(_class_trace(serial_after, tests, modules))
    for owner in sorted(set(old) | set(new)):
        if old.get(owner) != new.get(owner):
            problems.append(f"class-level {owner}: {old.get(owner)} != {new.get(owner)}")
    return problems
