"""The class index: every class and lifecycle function of one module, with resolved names.

What it does: reads a module with ``ast`` and records its imports (as an alias map), its
classes (bases resolved to qualified names, lifecycle methods described by ``facts``), its
``setUpModule``/``tearDownModule``, and every place that references a lifecycle method.
Why: convert-or-refuse is a property of whole hierarchies that cross files
(``tests/base.py`` and its subclasses), so the plan needs a cheap summary of every module of
the run before anything is rewritten. Resolving ``import unittest as ut`` and
``from unittest import TestCase as TC`` from the module's own imports gives the same answer as
a full qualified-name analysis for module-level bindings, at a fraction of its cost.
Example: ``from .base import Base`` in ``pkg.test_x`` resolves a base ``Base`` to
``pkg.base.Base``.
Refuses when: never; the plan refuses.
"""

from __future__ import annotations

import ast
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from transforms.astutil import explicit_parent_target, walk_same_scope
from transforms.facts import (
    BodyFacts,
    body_facts,
    dotted,
    explicit_parent_call,
    is_docstring,
    super_start,
)
from transforms.imports import temp_import_reads
from transforms.temp_facts import (
    Constant,
    Hazard,
    cleanup_mentions,
    file_literals,
    hazards,
    mentions,
    module_constants,
    qualify,
    restored,
    state_writes,
    tmp_literals,
)

FUNCTION_LEVEL = ("setUp", "tearDown")
SKIP_NAMES = ("skip", "skipIf", "skipUnless")
CLASS_LEVEL = ("setUpClass", "tearDownClass")
MODULE_LEVEL = ("setUpModule", "tearDownModule")
LIFECYCLE_METHODS = FUNCTION_LEVEL + CLASS_LEVEL

# Cleanup registration API per level: dotted spelling -> contextlib.ExitStack method.
# A leading dot means "an attribute of the function's first parameter".
# ``doCleanups()`` runs what was registered so far: ``ExitStack.close()`` does the same.
FUNCTION_CLEANUPS = {
    ".addCleanup": "callback",
    ".enterContext": "enter_context",
    ".doCleanups": "close",
}
CLASS_CLEANUPS = {
    ".addClassCleanup": "callback",
    ".enterClassContext": "enter_context",
    ".doClassCleanups": "close",
}
MODULE_CLEANUPS = {
    "addModuleCleanup": "callback",
    "enterModuleContext": "enter_context",
    "doModuleCleanups": "close",
}
ALL_CLEANUP_ATTRS = frozenset(
    {
        "addCleanup",
        "enterContext",
        "doCleanups",
        "addClassCleanup",
        "enterClassContext",
        "doClassCleanups",
    }
)

# Cheap pre-filter: a file without any of these words cannot need a lifecycle rewrite.
TRIGGER_WORDS = ("setUp", "tearDown")


@dataclass(frozen=True)
class Reference:
    """A use of a lifecycle method other than a recognised parent call."""

    line: int
    attr: str
    # Qualified class the reference names, when it can be resolved; None otherwise.
    target: str | None
    # For a statement ``super().setUp()`` or ``self.setUp()`` (no arguments) in a plain
    # method of the class: that method, and "super" or "self". A calls-style plan can
    # point such a call at the helper it reaches (``CallSite``).
    host: str | None = None
    via: str | None = None
    # In a class body, on something else than the method's own first parameter or
    # ``super()`` (``Base.setUp``, ``self.helper.setUp()``, ``case.setUp()``): when it names
    # no known class, an object of any class the module can reach.
    foreign: bool = False
    # Outside any class: the module-level function it is written in, if any (its callers,
    # in the modules that import it, may hand it their test objects).
    function: str | None = None
    # ``Base.setUp(self)`` as a statement of the class's own ``setUp``: a parent call the
    # plan follows when ``Base`` is in the class's MRO, a reference to ``Base``'s method
    # otherwise (``A.setUp(self)`` in an unrelated class still needs A's setUp).
    parent_call: bool = False


@dataclass(frozen=True)
class ClassInfo:
    """One class statement."""

    module: str
    path: str
    name: str
    line: int
    top_level: bool
    bases: tuple[str | None, ...]
    attrs: frozenset[str]
    methods: Mapping[str, BodyFacts]
    bound_otherwise: frozenset[str]
    cleanup_users: tuple[tuple[str, int, str], ...]
    references: tuple[Reference, ...]
    # (method, line, callee) where an instance method hands ``self`` to code this tool does
    # not read (``configure(self)``): that code may register cleanups on the test.
    self_escapes: tuple[tuple[str, int, str], ...] = ()
    skip_decorated: bool = False
    # Line of the first read of unittest's per-run state (``self._outcome``), which exists
    # only while ``TestCase.run`` runs: a fixture runs outside it.
    run_state: int | None = None
    # Lifecycle names bound by one plain statement of the class body that a helper name can
    # take over: ``setUp = helper``, ``tearDown = setUp``, ``from m import setUp``.
    simple_bindings: frozenset[str] = frozenset()
    # Bound at module level (top level, or inside a module-level if/try/with block).
    module_level: bool = False
    # The qualified name of a ``metaclass=`` keyword ("?" when not a dotted name): the class
    # may be built (and its lifecycle wrapped) by it.
    metaclass: str | None = None
    # Class decorators other than unittest's skips (``@freeze_time(...)`` wraps setUp).
    wrapping_decorators: tuple[str, ...] = ()
    # Their qualified names ("()" added for a call): a module-level alias of a unittest skip
    # (``skipNotCPython = unittest.skipIf(...)``) is a skip too, once its module is known,
    # and so is a pytest mark reached through a re-export (``from . import pytest``).
    decorator_targets: tuple[str, ...] = ()
    # A test method carries a decorator that may mark it skipped at import time
    # (``@skipIfNoSecurity``): unittest checks that mark before setUp, a fixture would not.
    opaque_tests: bool = False
    # Lines of skip decorators that cannot become pytest marks (a string condition, ...).
    skip_blockers: tuple[int, ...] = ()

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.name}"


@dataclass(frozen=True)
class ModuleInfo:
    """One module of the run."""

    module: str
    path: str
    aliases: Mapping[str, str]
    top_names: frozenset[str]
    classes: tuple[ClassInfo, ...]
    functions: Mapping[str, BodyFacts]
    bound_otherwise: frozenset[str]
    module_refs: tuple[int, ...]
    module_cleanup_users: tuple[int, ...]
    external_refs: tuple[Reference, ...] = field(default=())
    shadowed: tuple[str, ...] = field(default=())
    tmp_literals: Mapping[str, int] = field(default_factory=dict)
    # Quoted plain file names in the text, and whether it mentions chdir at all.
    file_literals: Mapping[str, int] = field(default_factory=dict)
    chdir: bool = False
    # The names bound by ``shutil``/``tempfile`` imports that the module reads (an import
    # the rewrite leaves unread goes; one already unread stays).
    temp_reads: frozenset[str] = frozenset()
    # Globals bound once to a unittest skip decorator (see ``skip_aliases``).
    skip_aliases: frozenset[str] = frozenset()
    # Class decorators that return a subclass of their argument, by name: the attributes
    # that subclass defines (see ``subclassing_decorators``).
    class_decorators: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Hazards in pytest fixtures already there (a suite migrated earlier): (class, hazard).
    fixture_hazards: tuple[tuple[str | None, Hazard], ...] = ()
    # Names of the functions defined at module level (``testing.setUp`` is one of them).
    defs: frozenset[str] = frozenset()
    # ``hooks.setUpModule`` or ``from hooks import setUpModule``: (line, qualified target).
    module_lifecycle_refs: tuple[Reference, ...] = ()
    # Classes the module hands to unittest's own runner or loader (``run_unittest(C)``,
    # ``loadTestsFromTestCase(C)``), outside ``load_tests`` and ``__main__`` blocks, which
    # pytest never runs: (qualified name, line, callee).
    unittest_runs: tuple[tuple[str, int, str], ...] = ()
    # Functions whose call returns a unittest skip decorator (``skip_factories``).
    skip_factories: frozenset[str] = frozenset()
    # Indexed to know its classes and re-exports, outside the run: never rewritten.
    read_only: bool = False
    # Why a file of the run may not be rewritten (a link, hard links, read-only), if so.
    locked: str = ""
    # How often each module constant of a path or file name is read in the module.
    constant_loads: Mapping[str, int] = field(default_factory=dict)
    # Spellings that can only name a module (``module_spellings``), when the text has a
    # ``x.setUp(``-like call at all.
    module_spellings: frozenset[str] = frozenset()
    # Everything an import statement of the module binds, anywhere in it (qualified): where
    # an object whose lifecycle method is called may come from, or go to.
    imported: frozenset[str] = frozenset()

    @property
    def lifecycle_count(self) -> int:
        """Lifecycle methods and functions defined here (converted or not)."""
        return sum(len(set(c.methods) | c.bound_otherwise) for c in self.classes) + len(
            self.functions
        )


def module_name_is_package(path: str) -> bool:
    return path.replace("\\", "/").rsplit("/", 1)[-1] == "__init__.py"


# Modules that define the same classes under two names: ``try: import unittest2 as unittest
# except ImportError: import unittest`` binds the same TestCase either way.
SAME_MODULES = (("unittest2", "unittest"), ("mock", "unittest.mock"))
# Joins the names a global may be bound to by different import statements (``try: from
# aiohttp.test_utils import AioHTTPTestCase`` / ``except ImportError: from unittest import
# TestCase as AioHTTPTestCase``): which one runs depends on the environment.
ALTERNATIVES = "|"


def build_aliases(tree: ast.Module, module: str, is_package: bool) -> dict[str, str]:
    """Local name -> qualified name, for imports made at module level (also under if/try). A
    name that several import statements bind to different things maps to all of them,
    joined by ``ALTERNATIVES``; the model decides what each use of it may be."""
    aliases: dict[str, str] = {}
    for stmt in _module_level(tree.body):
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)):
            continue
        for name, target in _import_bindings([stmt], module, is_package).items():
            known = aliases.get(name)
            if known is None or _same_module_name(known, target):
                aliases[name] = target
            elif target not in known.split(ALTERNATIVES):
                aliases[name] = f"{known}{ALTERNATIVES}{target}"
    return aliases


def _same_module_name(known: str, target: str) -> bool:
    return _one_module_name(known) == _one_module_name(target)


def _one_module_name(name: str) -> str:
    for old, new in SAME_MODULES:
        if name == old or name.startswith(f"{old}."):
            return new + name[len(old) :]
    return name


def _import_bindings(nodes: Iterable[ast.AST], module: str, is_package: bool) -> dict[str, str]:
    """Local name -> qualified name for the import statements among ``nodes``."""
    aliases: dict[str, str] = {}
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    head = alias.name.split(".")[0]
                    aliases[head] = head
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node, module, is_package)
            for alias in node.names:
                if alias.name != "*":
                    aliases[alias.asname or alias.name] = f"{source}.{alias.name}"
    return aliases


def assigned_aliases(
    tree: ast.Module,
    aliases: Mapping[str, str],
    module: str,
    top: frozenset[str],
    bindings: Mapping[str, int],
) -> dict[str, str]:
    """Module globals bound once, by a plain assignment of a dotted name that an import or a
    class statement of the module binds: ``TestCase = unittest.TestCase`` names
    ``unittest.TestCase`` wherever the module uses it, as an import would."""
    out: dict[str, str] = {}
    for stmt in _module_level(tree.body):
        if not (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
        ):
            continue
        name = stmt.targets[0].id
        value = dotted(stmt.value)
        if name in aliases or bindings.get(name) != 1 or value is None:
            continue
        target = resolve(value, aliases, module, top)
        if target is not None and not target.startswith(("?", "builtins.")):
            out[name] = target
    return out


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
    return ".".join([*parts, *([node.module] if node.module else [])])


def _module_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements that run at import time: the body and the blocks of if/try/with."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.If, ast.Try, ast.With)):
            for block in _blocks(stmt):
                yield from _module_level(block)


def _blocks(stmt: ast.stmt, known: Mapping[str, bool] | None = None) -> Iterator[list[ast.stmt]]:
    """The statement blocks of a compound statement (if/try/with/for/while/match): body,
    else, finally, handlers, cases; for an ``if`` on a ``known`` constant only the branch
    that runs (``_if_branch``)."""
    taken = _if_branch(stmt, known or {})
    names = ("body",) if taken else ("orelse",) if taken is False else ("body", "orelse")
    for name in (*names, "finalbody"):
        block = getattr(stmt, name, None)
        if isinstance(block, list) and all(isinstance(s, ast.stmt) for s in block):
            yield block
    for handler in getattr(stmt, "handlers", []):
        yield handler.body
    for case in getattr(stmt, "cases", []):
        yield case.body


def resolve(
    name: str | None, aliases: Mapping[str, str], module: str, local: frozenset[str]
) -> str | None:
    """Qualified name of a dotted expression written in ``module``."""
    if name is None:
        return None
    head, _, rest = name.partition(".")
    if head in aliases:
        base = aliases[head]
        if ALTERNATIVES in base and rest:
            return ALTERNATIVES.join(f"{b}.{rest}" for b in base.split(ALTERNATIVES))
    elif head in local:
        base = f"{module}.{head}"
    elif head in dir(__builtins__) or head == "object":
        base = f"builtins.{head}"
    else:
        return f"?.{name}"
    return f"{base}.{rest}" if rest else base


def index_module(source: str, module: str, path: str) -> ModuleInfo:
    """Index one module. Raises ``SyntaxError`` when ``source`` does not parse."""
    with warnings.catch_warnings():
        # The suite's own SyntaxWarnings (``assert (x, y)``) are not this tool's to print.
        warnings.simplefilter("ignore")
        tree = ast.parse(source, filename=path)
    aliases = build_aliases(tree, module, module_name_is_package(path))
    top = _top_names(tree)
    # Whole-tree walks are skipped when the words they look for are not in the text at all:
    # on a large suite this halves the cost of indexing.
    words = _Words(
        lifecycle=any(w in source for w in TRIGGER_WORDS),
        cleanup="Cleanup" in source or "Context" in source,
        module="setUpModule" in source or "tearDownModule" in source,
        run_state="_outcome" in source or "_resultForDoCleanups" in source,
    )
    scan = _scan(tree)

    @lru_cache(maxsize=1)
    def bindings() -> Counter[str]:
        return global_bindings(tree, scan.declared_global)

    aliases.update(assigned_aliases(tree, aliases, module, top, bindings()))
    constants = module_constants(tree, aliases)
    modules = module_spellings(tree, bindings()) if _MODULE_CALL.search(source) else frozenset()
    context = _ClassContext(
        module,
        path,
        aliases,
        top,
        False,
        words,
        scan,
        constants,
        modules=modules,
        rebound=rebound_names(tree, aliases, module, module_name_is_package(path)),
        booleans=boolean_globals(tree, bindings()),
    )
    classes = tuple(_classes(tree, context))
    module_api = _module_cleanup_api(aliases)
    functions: dict[str, BodyFacts] = {}
    bound: set[str] = set()
    for stmt in _module_level(tree.body):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name in MODULE_LEVEL:
            if stmt in tree.body and stmt.name not in functions:
                functions[stmt.name] = body_facts(stmt, "", module_api, aliases, constants)
            else:
                bound.add(stmt.name)
        elif _binds(stmt, MODULE_LEVEL):
            bound.update(_binds(stmt, MODULE_LEVEL))
    return ModuleInfo(
        module=module,
        path=path,
        aliases=aliases,
        top_names=top,
        classes=classes,
        functions=functions,
        bound_otherwise=frozenset(bound),
        module_refs=tuple(scan.module_names) if words.module else (),
        module_cleanup_users=_module_cleanup_users(tree, module_api) if words.cleanup else (),
        external_refs=tuple(_external_refs(scan, aliases, module, top)) if words.lifecycle else (),
        shadowed=tuple(sorted(_shadowed(tree, aliases))),
        tmp_literals=tmp_literals(tree, aliases)
        if "/tmp/" in source or "gettempdir" in source
        else {},
        file_literals=file_literals(source),
        chdir="chdir" in source,
        skip_aliases=skip_aliases(tree, aliases, bindings()) if "skip" in source else frozenset(),
        skip_factories=skip_factories(tree, aliases, bindings())
        if "skip" in source
        else frozenset(),
        class_decorators=subclassing_decorators(tree, bindings())
        if defines_class_in_function(tree)
        else {},
        temp_reads=temp_import_reads(scan.imports, scan.names),
        fixture_hazards=tuple(_fixture_hazards(tree, aliases, constants))
        if "fixture" in source
        else (),
        defs=frozenset(
            s.name for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
        ),
        module_lifecycle_refs=tuple(_module_lifecycle_refs(scan, aliases, module, top))
        if words.module
        else (),
        constant_loads=_constant_loads(tree, constants) if constants else {},
        # Always: a module that only inherits a setUp can hand its tests to another's code.
        imported=_imported(scan, module, path),
        unittest_runs=tuple(unittest_runs(tree, aliases, module, top))
        if _RUNNER_WORDS.search(source)
        else (),
        module_spellings=modules,
    )


RUNNER_CALLS = frozenset({"run_unittest", "loadTestsFromTestCase", "makeSuite"})
# The loaders only build a suite (zope's ``test_suite()`` returns one, and pytest never runs
# it): they count where the same function runs something (``runner.run(suite)``).
LOADER_CALLS = frozenset({"loadTestsFromTestCase", "makeSuite"})
RUNNING_CALLS = frozenset({"run", "debug", "run_unittest", "runTests"})
_RUNNER_WORDS = re.compile(r"run_unittest|loadTestsFromTestCase|makeSuite")


def unittest_runs(
    tree: ast.Module, aliases: Mapping[str, str], module: str, top: frozenset[str]
) -> Iterator[tuple[str, int, str]]:
    """The classes passed to unittest's runner, or to its loader where the code also runs
    a suite, in code pytest runs (see ``ModuleInfo.unittest_runs``): such a class runs its
    setUp under unittest, where a fixture would not run."""
    for scope, nodes in _run_scopes(tree):
        listed = _listed_locals(scope)
        calls = [n for n in nodes if isinstance(n, ast.Call)]
        callees = [_callee_name(c.func) for c in calls]
        runs = any(callee in RUNNING_CALLS for callee in callees)
        for call, callee in zip(calls, callees, strict=True):
            if callee not in RUNNER_CALLS or (callee in LOADER_CALLS and not runs):
                continue
            for item in (i for arg in call.args for i in _listed(arg, listed)):
                target = resolve(dotted(item), aliases, module, top)
                if target is not None and not target.startswith("?"):
                    yield target, call.lineno, callee


def _callee_name(func: ast.expr) -> str:
    """The last name of a callee: ``run`` for ``unittest.TextTestRunner(...).run``."""
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _run_scopes(
    tree: ast.Module,
) -> Iterator[tuple[ast.Module | ast.FunctionDef | ast.AsyncFunctionDef, list[ast.AST]]]:
    """Each function (and the module) with the nodes that run in it, leaving out
    ``load_tests`` and ``if __name__ == "__main__":`` blocks, which pytest never runs."""
    pending: list[ast.Module | ast.FunctionDef | ast.AsyncFunctionDef] = [tree]
    while pending:
        scope = pending.pop()
        nodes: list[ast.AST] = []
        stack: list[ast.AST] = list(scope.body)
        while stack:
            node = stack.pop()
            if isinstance(node, ast.If) and _is_main_guard(node.test):
                stack.extend(node.orelse)
                continue
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if node.name != "load_tests":
                    pending.append(node)
                continue
            nodes.append(node)
            stack.extend(ast.iter_child_nodes(node))
        yield scope, nodes


def _listed_locals(
    func: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef,
) -> dict[str, list[ast.expr]]:
    """``tests = (A, B)`` among a function's (or the module's) own statements: name -> the
    listed expressions."""
    out: dict[str, list[ast.expr]] = {}
    for stmt in func.body:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, (ast.List, ast.Tuple))
        ):
            out[stmt.targets[0].id] = list(stmt.value.elts)
    return out


def _listed(arg: ast.expr, listed: Mapping[str, list[ast.expr]]) -> list[ast.expr]:
    """``C``, ``*[A, B]``, ``[A, B]`` and ``*tests`` (``tests = (A, B)`` above) as the
    expressions they list."""
    if isinstance(arg, ast.Starred):
        arg = arg.value
    if isinstance(arg, ast.Name) and arg.id in listed:
        return listed[arg.id]
    if isinstance(arg, (ast.List, ast.Tuple)):
        return list(arg.elts)
    return [arg]


def _is_main_guard(test: ast.expr) -> bool:
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.comparators) == 1
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
    )


def _constant_loads(tree: ast.Module, constants: Mapping[str, Constant]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in constants:
            if isinstance(node.ctx, ast.Load):
                counts[node.id] = counts.get(node.id, 0) + 1
            elif node.lineno != constants[node.id].line:
                counts[node.id] = counts.get(node.id, 0) + 100  # rebound elsewhere
    return counts


def _fixture_hazards(
    tree: ast.Module, aliases: Mapping[str, str], constants: Mapping[str, Constant]
) -> Iterator[tuple[str | None, Hazard]]:
    """Parallel hazards of the ``@pytest.fixture`` functions at top level and in classes."""
    owners: list[tuple[str | None, list[ast.stmt]]] = [(None, tree.body)]
    owners += [(s.name, s.body) for s in tree.body if isinstance(s, ast.ClassDef)]
    for owner, body in owners:
        for stmt in body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and _is_fixture(
                stmt, aliases
            ):
                found = _one_fixture_hazards(stmt, aliases, constants)
                yield from ((owner, h) for h in found)


def _one_fixture_hazards(
    func: ast.FunctionDef | ast.AsyncFunctionDef,
    aliases: Mapping[str, str],
    constants: Mapping[str, Constant],
) -> Iterator[Hazard]:
    # After the yield is the teardown: its environment writes put values back, and what it
    # mentions may put back process-wide state changed before.
    yields = [n.lineno for n in ast.walk(func) if isinstance(n, ast.Yield)]
    end = min(yields, default=(func.end_lineno or func.lineno) + 1)
    for hazard in hazards(func.body, aliases, constants):
        if hazard.code != "MF204" or hazard.line < end:
            yield hazard
    changed = [w for w in state_writes(func.body, aliases) if w[1] < end]
    if not changed:
        return
    after = [s for s in ast.walk(func) if isinstance(s, ast.stmt) and s.lineno > end]
    mentioned = mentions(after, aliases) | cleanup_mentions(func.body, aliases)
    for group, line, attribute in changed:
        if not restored(group, attribute, mentioned):
            message = f"fixture {func.name} changes {group} and does not put it back"
            yield Hazard("MF205", line, message)


def _is_fixture(func: ast.FunctionDef | ast.AsyncFunctionDef, aliases: Mapping[str, str]) -> bool:
    for decorator in func.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if qualify(target, aliases) == "pytest.fixture":
            return True
    return False


def _top_names(tree: ast.Module) -> frozenset[str]:
    names: set[str] = set()
    for stmt in _module_level(tree.body):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(stmt.name)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in stmt.names)
        else:
            for node in ast.walk(stmt):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    names.add(node.id)
    return frozenset(names)


def _binds(
    stmt: ast.stmt, names: tuple[str, ...], known: Mapping[str, bool] | None = None
) -> set[str]:
    """Which of ``names`` the statement binds: by an assignment or an import, also inside
    the blocks of an if/try/with/for/while/match (``if PY3: def setUp(self): ...``), but for
    the branch of an ``if`` on a ``known`` constant that never runs (``boolean_globals``)."""
    found = _binds_directly(stmt, names)
    for inner in _block_statements(stmt, known):
        if isinstance(inner, DEFINITIONS):
            found.update({inner.name} & set(names))
        else:
            found |= _binds_directly(inner, names)
    return found


def _block_statements(
    stmt: ast.stmt, known: Mapping[str, bool] | None = None
) -> Iterator[ast.stmt]:
    """The statements in the blocks of a compound statement, at any depth, without the
    bodies of the functions and classes they define (those run elsewhere), and without the
    branch of an ``if`` whose test is a ``known`` constant that rules it out."""
    if isinstance(stmt, DEFINITIONS):
        return
    for block in _blocks(stmt, known):
        for inner in block:
            yield inner
            yield from _block_statements(inner, known)


def _if_branch(stmt: ast.stmt, known: Mapping[str, bool]) -> bool | None:
    """For ``if FLAG:`` or ``if not FLAG:`` with FLAG a known constant, whether the body
    runs (True) or the else block (False); None for any other statement or test."""
    if not isinstance(stmt, ast.If):
        return None
    test, negate = stmt.test, False
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test, negate = test.operand, True
    if isinstance(test, ast.Name) and test.id in known:
        return known[test.id] != negate
    return None


def boolean_globals(tree: ast.Module, bindings: Mapping[str, int]) -> dict[str, bool]:
    """Module globals bound once, at the top level, to ``True`` or ``False``
    (``_IS_SYNC = True``): a class body's ``if not _IS_SYNC:`` block never runs."""
    found: dict[str, bool] = {}
    for stmt in tree.body:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, bool)
            and bindings.get(stmt.targets[0].id) == 1
        ):
            found[stmt.targets[0].id] = stmt.value.value
    return found


def _binds_directly(stmt: ast.stmt, names: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        for target in targets:
            for node in ast.walk(target):
                if isinstance(node, ast.Name) and node.id in names:
                    found.add(node.id)
    elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
        found.update(a.asname or a.name for a in stmt.names if (a.asname or a.name) in names)
    return found


def _module_cleanup_api(aliases: Mapping[str, str]) -> dict[str, str]:
    api: dict[str, str] = {}
    for local, qualified in aliases.items():
        for name, method in MODULE_CLEANUPS.items():
            if qualified in ("unittest", "unittest.case"):
                api[f"{local}.{name}"] = method
            elif qualified in (f"unittest.{name}", f"unittest.case.{name}"):
                api[local] = method
    return api


@dataclass
class _Scan:
    """What one walk over the tree collects for everything else to use."""

    classes: list[ast.ClassDef] = field(default_factory=list)
    # The module's own statements (its top-level functions hold external references).
    tree_body: list[ast.stmt] = field(default_factory=list)
    lifecycle_attrs: list[ast.Attribute] = field(default_factory=list)
    cleanup_attrs: list[ast.Attribute] = field(default_factory=list)
    module_names: list[int] = field(default_factory=list)
    module_attrs: list[ast.Attribute] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    imports: list[ast.Import | ast.ImportFrom] = field(default_factory=list)
    declared_global: list[str] = field(default_factory=list)
    # Calls given a bare name that is the first parameter of some function: where a test
    # instance may be handed to code this tool does not read (see ``_self_escapes``).
    param_calls: list[tuple[ast.Call, frozenset[str]]] = field(default_factory=list)


def _scan(tree: ast.Module) -> _Scan:
    """One ``ast.walk``: the classes and every attribute or name the index looks at."""
    found = _Scan(tree_body=tree.body)
    # ast.walk goes breadth first: a function's parameters are seen before its body.
    firsts: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            found.classes.append(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            params = node.args.posonlyargs + node.args.args
            if params:
                firsts.add(params[0].arg)
        elif isinstance(node, ast.Call):
            passed = _names_passed(node, firsts)
            if passed:
                found.param_calls.append((node, passed))
            found.lifecycle_attrs += _attribute_builtin(node, tree)
        elif isinstance(node, ast.Attribute):
            _scan_attribute(node, found)
        elif isinstance(node, ast.Name):
            found.names.add(node.id)
            if node.id in MODULE_LEVEL:
                found.module_names.append(node.lineno)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.imports.append(node)
        elif isinstance(node, ast.Global):
            found.declared_global += node.names
    return found


# Builtins that read, set or delete an attribute named by a string: ``setattr(A, "setUp",
# f)`` replaces A's setUp as ``A.setUp = f`` does.
ATTRIBUTE_BUILTINS = frozenset({"setattr", "getattr", "delattr", "hasattr"})


def _attribute_builtin(call: ast.Call, tree: ast.Module) -> list[ast.Attribute]:
    """``X.setUp``-like attributes for ``setattr``/``getattr``/``delattr``/``hasattr`` calls
    that name a lifecycle method: the literal name, or, for ``setattr``/``delattr`` on a
    class of the module with a name computed at run time (``setattr(B, name, f)``), every
    lifecycle name the computation could give (a literal prefix such as ``"test_" + x``
    rules them out)."""
    func = call.func
    if not (isinstance(func, ast.Name) and func.id in ATTRIBUTE_BUILTINS and len(call.args) >= 2):
        return []
    receiver, name = call.args[0], call.args[1]
    if isinstance(name, ast.Constant):
        names = [name.value] if name.value in LIFECYCLE_METHODS else []
    elif func.id in ("setattr", "delattr") and _names_module_class(receiver, tree):
        prefixes = _possible_prefixes(name, tree)
        names = [m for m in LIFECYCLE_METHODS if any(m.startswith(p) for p in prefixes)]
    else:
        names = []
    return [ast.copy_location(ast.Attribute(receiver, n, ast.Load()), call) for n in names]


def _names_module_class(node: ast.expr, tree: ast.Module) -> bool:
    return isinstance(node, ast.Name) and any(
        isinstance(s, ast.ClassDef) and s.name == node.id for s in _module_level(tree.body)
    )


def _possible_prefixes(node: ast.expr, tree: ast.Module) -> list[str]:
    """What the string expression ``node`` certainly starts with, once per value it may
    have: its own literal prefix, or, for a variable, that of each value the module assigns
    to the name (``test_name = "test_%s" % case`` then ``setattr(C, test_name, f)``); "" (any
    name) for a variable bound otherwise too (a loop variable, a parameter)."""
    if not isinstance(node, ast.Name):
        return [_literal_prefix(node)]
    values: list[ast.expr] = []
    stores = 0
    for sub in ast.walk(tree):
        if isinstance(sub, ast.Name) and sub.id == node.id and isinstance(sub.ctx, ast.Store):
            stores += 1
        elif isinstance(sub, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == node.id for t in sub.targets
        ):
            values.append(sub.value)
    if not values or stores != len(values):
        return [""]
    return [_literal_prefix(v) for v in values]


def _literal_prefix(node: ast.expr) -> str:
    """The text a string expression certainly starts with: ``"test_" + x``, ``f"test_{x}"``,
    ``"test_%s" % x``; "" when unknown."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_prefix(node.left)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _literal_prefix(node.left).split("%", 1)[0]
    if isinstance(node, ast.JoinedStr) and node.values:
        return _literal_prefix(node.values[0])
    func = node.func if isinstance(node, ast.Call) else None
    if isinstance(func, ast.Attribute) and func.attr == "format":  # "test_{}".format(x)
        return _literal_prefix(func.value).split("{", 1)[0]
    return ""


def _scan_attribute(node: ast.Attribute, found: _Scan) -> None:
    if node.attr in LIFECYCLE_METHODS:
        found.lifecycle_attrs.append(node)
    elif node.attr in ALL_CLEANUP_ATTRS:
        found.cleanup_attrs.append(node)
    elif node.attr in MODULE_LEVEL:
        found.module_names.append(node.lineno)
        found.module_attrs.append(node)


# ``x.setUp(self)``-like text: only then can a module's function pass for a parent call.
_MODULE_CALL = re.compile(r"\w\.(?:setUp|tearDown)\(")


def module_spellings(tree: ast.Module, bindings: Mapping[str, int]) -> frozenset[str]:
    """Spellings that can only name a module: what a module-level plain import binds
    (``import a.b`` -> ``a``, ``a.b``; ``import a.b as x`` -> ``x``) when no other statement
    binds the same name. ``from a import b`` may bind a class: not counted."""
    counts: Counter[str] = Counter()
    spelled: list[tuple[str, list[str]]] = []
    for node in _module_level(tree.body):
        if not isinstance(node, ast.Import):
            continue
        for alias in node.names:
            if alias.asname:
                counts[alias.asname] += 1
                spelled.append((alias.asname, [alias.asname]))
                continue
            parts = alias.name.split(".")
            counts[parts[0]] += 1
            spelled.append((parts[0], [".".join(parts[:i]) for i in range(1, len(parts) + 1)]))
    return frozenset(
        name for head, names in spelled if bindings.get(head) == counts[head] for name in names
    )


def _names_passed(call: ast.Call, names: set[str]) -> frozenset[str]:
    """Which of ``names`` the call is given as a bare argument (``f(self)``, ``f(x=self)``,
    ``f(*self)``)."""
    if not names:
        return frozenset()
    values = [*call.args, *(k.value for k in call.keywords)]
    values = [v.value if isinstance(v, ast.Starred) else v for v in values]
    return frozenset(v.id for v in values if isinstance(v, ast.Name) and v.id in names)


def _within(node: ast.AST, span: ast.stmt | ast.expr) -> bool:
    line: int = getattr(node, "lineno", 0)
    return span.lineno <= line <= (span.end_lineno or span.lineno)


@dataclass(frozen=True)
class _Words:
    """Which kinds of word the source text contains at all."""

    lifecycle: bool
    cleanup: bool
    module: bool
    run_state: bool = False  # "_outcome" (see ``RUN_STATE``)


def _classes(tree: ast.Module, base: _ClassContext) -> Iterator[ClassInfo]:
    top_level = {id(s) for s in tree.body}
    in_blocks = {id(s) for s in _module_level(tree.body) if isinstance(s, ast.ClassDef)}
    for node in base.scan.classes:
        context = replace(
            base,
            top_level=id(node) in top_level,
            module_level=id(node) in in_blocks and id(node) not in top_level,
        )
        yield _class_info(node, context)


@dataclass(frozen=True)
class _ClassContext:
    """Where a class statement stands: everything ``_class_info`` needs besides the node."""

    module: str
    path: str
    aliases: Mapping[str, str]
    top: frozenset[str]
    top_level: bool
    words: _Words
    scan: _Scan
    constants: Mapping[str, Constant]
    # Inside an if/try/with block at module level: a module global all the same.
    module_level: bool = False
    # ``module_spellings``: ``testing.setUp(self)`` with ``testing`` a module is no parent call.
    modules: frozenset[str] = frozenset()
    # ``rebound_names``: names both an import and a def/class statement bind.
    rebound: Mapping[str, tuple[Rebinding, ...]] = field(default_factory=dict)
    # ``boolean_globals``: ``if`` blocks of a class body on them run one way only.
    booleans: Mapping[str, bool] = field(default_factory=dict)


# (line, what it binds: an import's qualified name, None for the module's own def/class,
# and whether the statement is at the top level rather than in an if/try/with block).
Rebinding = tuple[int, str | None, bool]


def rebound_names(
    tree: ast.Module, aliases: Mapping[str, str], module: str, is_package: bool
) -> dict[str, tuple[Rebinding, ...]]:
    """Names that an import and a def/class statement of the module both bind, with every
    such binding: ``from unittest import TestCase`` then ``class TestCase(TestCase):`` makes
    the later classes' ``TestCase`` the module's own (``_base_name``)."""
    top = {id(s) for s in tree.body}
    found: dict[str, list[Rebinding]] = {}
    for stmt in _module_level(tree.body):
        if isinstance(stmt, DEFINITIONS) and stmt.name in aliases:
            found.setdefault(stmt.name, []).append((stmt.lineno, None, id(stmt) in top))
    if not found:
        return {}
    for stmt in _module_level(tree.body):
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            for name, target in _import_bindings([stmt], module, is_package).items():
                if name in found:
                    found[name].append((stmt.lineno, target, id(stmt) in top))
    return {name: tuple(sorted(bindings, key=lambda b: b[0])) for name, bindings in found.items()}


def _base_name(base: ast.expr, node: ast.ClassDef, ctx: _ClassContext) -> str | None:
    """The qualified name of a base of the class statement ``node``. A name rebound by a
    def/class statement (``rebound_names``) is what the last top-level statement before the
    class bound, when every binding is a top-level statement and so is the class; else it
    stands for each binding (``ALTERNATIVES``)."""
    spelled = dotted(_mro_entry(base))
    head, _, rest = (spelled or "").partition(".")
    bindings = ctx.rebound.get(head)
    if not bindings:
        return resolve(spelled, ctx.aliases, ctx.module, ctx.top)
    lines = [line for line, _, _ in bindings]
    targets = [f"{ctx.module}.{head}" if t is None else t for _, t, _ in bindings]
    if ctx.top_level and all(top for _, _, top in bindings):
        before = [t for line, t in zip(lines, targets, strict=True) if line < node.lineno]
        targets = before[-1:] or targets
    return ALTERNATIVES.join(f"{t}.{rest}" if rest else t for t in dict.fromkeys(targets))


def _class_info(node: ast.ClassDef, ctx: _ClassContext) -> ClassInfo:
    methods: dict[str, BodyFacts] = {}
    bound: set[str] = set()
    attrs: set[str] = set()
    simple: Counter[str] = Counter()
    for stmt in node.body:
        simple.update(_simple_binding(stmt))
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            attrs.add(stmt.name)
            if stmt.name in LIFECYCLE_METHODS:
                api = FUNCTION_CLEANUPS if stmt.name in FUNCTION_LEVEL else CLASS_CLEANUPS
                if stmt.name in methods:
                    bound.add(stmt.name)  # defined twice: the plan refuses
                methods[stmt.name] = body_facts(
                    stmt, node.name, api, ctx.aliases, ctx.constants, ctx.modules
                )
        else:
            attrs.update(_binds(stmt, tuple(_assigned_names(stmt))))
            if isinstance(stmt, ast.ClassDef):
                attrs.add(stmt.name)
            # A def in an if/try block of the class body defines the attribute all the same
            # (``if PY3: def run(self, result=None): ...`` is a wrapper).
            inner = _block_statements(stmt, ctx.booleans)
            attrs.update(s.name for s in inner if isinstance(s, DEFINITIONS))
            bound.update(_binds(stmt, LIFECYCLE_METHODS, ctx.booleans))
    bases = tuple(_base_name(b, node, ctx) for b in node.bases)
    wrapping = list(_wrapping_decorators(node, ctx))
    return ClassInfo(
        module=ctx.module,
        path=ctx.path,
        name=node.name,
        line=node.lineno,
        top_level=ctx.top_level,
        module_level=ctx.top_level or ctx.module_level,
        bases=bases,
        attrs=frozenset(attrs),
        methods=methods,
        bound_otherwise=frozenset(bound),
        metaclass=_metaclass(node, ctx),
        wrapping_decorators=tuple(name for name, _ in wrapping),
        decorator_targets=tuple(target for _, target in wrapping),
        simple_bindings=frozenset(
            n for n in bound if simple[n] == 1 and n not in methods and _bound_once(node, n)
        ),
        cleanup_users=tuple(_cleanup_users(node, ctx.scan)) if ctx.words.cleanup else (),
        self_escapes=tuple(_self_escapes(node, ctx)),
        run_state=_run_state(node) if ctx.words.run_state else None,
        references=tuple(_class_refs(node, ctx)) if ctx.words.lifecycle else (),
        skip_decorated=bool(_skip_calls(node)),
        opaque_tests=_opaque_tests(node, ctx.aliases),
        skip_blockers=tuple(d.lineno for d in _skip_calls(node) if not _markable(d)),
    )


def _metaclass(node: ast.ClassDef, ctx: _ClassContext) -> str | None:
    for keyword in node.keywords:
        if keyword.arg == "metaclass":
            return resolve(dotted(keyword.value), ctx.aliases, ctx.module, ctx.top) or "?"
    return None


def _wrapping_decorators(node: ast.ClassDef, ctx: _ClassContext) -> Iterator[tuple[str, str]]:
    """(name as written, qualified name, with "()" for a call) of each decorator of the class
    statement that may replace or wrap its methods: all but unittest's skip decorators and
    pytest marks, which pytest applies before any fixture and which leave the methods alone.
    """
    for decorator in node.decorator_list:
        call = isinstance(decorator, ast.Call)
        name = dotted(decorator.func if isinstance(decorator, ast.Call) else decorator) or "?"
        head, _, rest = name.partition(".")
        qualified = f"{ctx.aliases.get(head, head)}.{rest}" if rest else ctx.aliases.get(head, head)
        if qualified.startswith("pytest.mark."):
            continue
        if name.rsplit(".", 1)[-1] not in (*SKIP_NAMES, "expectedFailure"):
            target = resolve(name, ctx.aliases, ctx.module, ctx.top) or ""
            yield name, f"{target}()" if call else target


DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
UNITTEST_SKIPS = frozenset(
    f"{module}.{name}"
    for module in ("unittest", "unittest.case", "unittest2", "unittest2.case")
    for name in SKIP_NAMES
)


def _mro_entry(base: ast.expr) -> ast.expr:
    """The expression naming the class a base puts in the MRO: ``Generic[T]`` and
    ``Base[int]`` put ``Generic`` and ``Base`` there (``__mro_entries__``)."""
    return base.value if isinstance(base, ast.Subscript) else base


def subclassing_decorators(
    tree: ast.Module, bindings: Mapping[str, int]
) -> dict[str, frozenset[str]]:
    """Module functions that return a subclass of their one argument, defined in their body,
    and nothing else: ``def abstract_base_test(cls): class Wrapper(cls): ...; return
    Wrapper``; or that return the argument itself after setting plain attributes on it
    (``def slow(cls): cls.slow = True; return cls``). Maps each name (bound once, see
    ``global_bindings``) to the attributes the function defines: the decorated class behaves
    as the original one but for those."""
    out: dict[str, frozenset[str]] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef) and bindings.get(stmt.name) == 1:
            attrs = _subclass_attrs(stmt)
            if attrs is not None:
                out[stmt.name] = attrs
    return out


def defines_class_in_function(tree: ast.Module) -> bool:
    """Whether a top-level function has a class statement directly in its body or ends by
    returning a name (the shapes ``subclassing_decorators`` accepts): most modules have none."""
    return any(
        isinstance(stmt, ast.FunctionDef)
        and (
            any(isinstance(s, ast.ClassDef) for s in stmt.body)
            or (isinstance(stmt.body[-1], ast.Return) and isinstance(stmt.body[-1].value, ast.Name))
        )
        for stmt in tree.body
    )


def global_bindings(tree: ast.Module, declared_global: Iterable[str]) -> Counter[str]:
    """How many statements bind each module global: the module's own statements (a def or
    class statement once, its body binding only locals), plus one for every name a function
    declares ``global`` (it may rebind it)."""
    found: Counter[str] = Counter()
    for stmt in tree.body:
        if isinstance(stmt, DEFINITIONS):
            found[stmt.name] += 1
            continue
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                found[node.id] += 1
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                found.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, DEFINITIONS):
                found[node.name] += 1
    found.update(declared_global)
    return found


def _subclass_attrs(func: ast.FunctionDef) -> frozenset[str] | None:
    args = func.args
    if func.decorator_list or len(args.args) != 1 or args.posonlyargs or args.vararg:
        return None
    if args.kwonlyargs or args.kwarg or args.defaults:
        return None
    body = [s for s in func.body if not is_docstring(s)]
    returned = _returned_argument(body, args.args[0].arg)
    if returned is not None:
        return returned
    if len(body) != 2:
        return None
    inner, ret = body
    if not (
        isinstance(inner, ast.ClassDef)
        and not inner.decorator_list
        and not inner.keywords
        and len(inner.bases) == 1
        and isinstance(inner.bases[0], ast.Name)
        and inner.bases[0].id == args.args[0].arg
        and isinstance(ret, ast.Return)
        and isinstance(ret.value, ast.Name)
        and ret.value.id == inner.name
    ):
        return None
    attrs: set[str] = set()
    for stmt in inner.body:
        if isinstance(stmt, DEFINITIONS):
            attrs.add(stmt.name)
        elif not is_docstring(stmt):
            attrs.update(_assigned_names(stmt))
            if not isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.Pass)):
                return None  # code that runs when the class is built: not read here
    return frozenset(attrs)


def _returned_argument(body: list[ast.stmt], arg: str) -> frozenset[str] | None:
    """The attributes set on ``arg`` by a body of plain ``arg.name = value`` statements that
    ends with ``return arg``; None for any other body. The values run when the class is
    decorated, before and after the rewrite alike."""
    if not body or not (
        isinstance(body[-1], ast.Return)
        and isinstance(body[-1].value, ast.Name)
        and body[-1].value.id == arg
    ):
        return None
    attrs: set[str] = set()
    for stmt in body[:-1]:
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
            return None
        target = stmt.targets[0]
        if not (
            isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and target.value.id == arg
        ):
            return None
        attrs.add(target.attr)
    return frozenset(attrs)


def skip_aliases(
    tree: ast.Module, aliases: Mapping[str, str], bindings: Mapping[str, int]
) -> frozenset[str]:
    """Module globals bound once (see ``global_bindings``), at the top level, to a unittest
    skip decorator: ``skipIfNoNetwork = unittest.skipIf("NO_NETWORK" in os.environ, "...")``."""
    skips: set[str] = set()
    for stmt in tree.body:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Call)
            and qualify(stmt.value.func, aliases) in UNITTEST_SKIPS
        ):
            skips.add(stmt.targets[0].id)
    return frozenset(name for name in skips if bindings.get(name) == 1)


def skip_factories(
    tree: ast.Module, aliases: Mapping[str, str], bindings: Mapping[str, int]
) -> frozenset[str]:
    """Module functions bound once whose call returns a unittest skip decorator: every
    return gives ``unittest.skipIf(...)``, or a function of their body whose every return
    is ``unittest.skipIf(...)(its argument)`` (``@requires_crt()``, ``@skip_if_windows("...")``
    on a class). Such a decorator returns the class itself, marked skipped or not."""
    out: set[str] = set()
    for stmt in tree.body:
        if not isinstance(stmt, ast.FunctionDef) or bindings.get(stmt.name) != 1:
            continue
        inner = {s.name: s for s in stmt.body if isinstance(s, ast.FunctionDef)}
        returns = [n.value for n in walk_same_scope(stmt.body) if isinstance(n, ast.Return)]
        if returns and all(_returns_skip(v, inner, aliases) for v in returns):
            out.add(stmt.name)
    return frozenset(out)


def _returns_skip(
    value: ast.expr | None, inner: Mapping[str, ast.FunctionDef], aliases: Mapping[str, str]
) -> bool:
    if isinstance(value, ast.Call):
        return qualify(value.func, aliases) in UNITTEST_SKIPS
    if not (isinstance(value, ast.Name) and value.id in inner):
        return False
    func = inner[value.id]
    params = [a.arg for a in func.args.posonlyargs + func.args.args]
    if len(params) != 1 or func.args.vararg or func.args.kwarg or func.args.kwonlyargs:
        return False
    returns = [n.value for n in walk_same_scope(func.body) if isinstance(n, ast.Return)]
    return bool(returns) and all(
        isinstance(v, ast.Call)
        and isinstance(v.func, ast.Call)
        and qualify(v.func.func, aliases) in UNITTEST_SKIPS
        and len(v.args) == 1
        and not v.keywords
        and isinstance(v.args[0], ast.Name)
        and v.args[0].id == params[0]
        for v in returns
    )


def _simple_binding(stmt: ast.stmt) -> Iterator[str]:
    """A lifecycle name bound by ``name = dotted.value`` or ``from m import x [as name]``."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target = stmt.targets[0]
        named = isinstance(target, ast.Name) and target.id in LIFECYCLE_METHODS
        if named and dotted(stmt.value) is not None:
            yield target.id  # type: ignore[attr-defined]
    elif isinstance(stmt, ast.ImportFrom):
        for alias in stmt.names:
            if (alias.asname or alias.name) in LIFECYCLE_METHODS:
                yield alias.asname or alias.name


def _bound_once(node: ast.ClassDef, name: str) -> bool:
    """Whether ``name`` is bound by exactly one statement of the class body (no def too)."""
    count = 0
    for stmt in node.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name == name:
            return False
        count += name in _binds(stmt, (name,))
    return count == 1


def _assigned_names(stmt: ast.stmt) -> Iterator[str]:
    for node in ast.walk(stmt):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            yield node.id
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            yield from ((a.asname or a.name).split(".")[0] for a in node.names)


# Decorators of test methods known not to mark a test skipped (unittest's own skip
# decorators become pytest marks, see ``transforms.skip_marks``).
CLEAR_DECORATORS = (
    "unittest.mock.patch",
    "mock.patch",
    "unittest.expectedFailure",
    "unittest.case.expectedFailure",
    "pytest.mark.",
    "builtins.",
    "functools.wraps",
)


def _test_decorators(node: ast.ClassDef) -> Iterator[ast.expr]:
    """The decorators of the class's own test methods."""
    for stmt in node.body:
        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if stmt.name.startswith("test"):
            yield from stmt.decorator_list


def _opaque_tests(node: ast.ClassDef, aliases: Mapping[str, str]) -> bool:
    """Whether a test method has a decorator that may set ``__unittest_skip__``."""
    for decorator in _test_decorators(node):
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = dotted(target) or ""
        if name.rsplit(".", 1)[-1] in SKIP_NAMES:
            continue
        head, _, rest = name.partition(".")
        qualified = aliases.get(head, f"builtins.{head}" if head in dir(__builtins__) else "")
        full = f"{qualified}.{rest}" if rest and qualified else qualified
        if not full.startswith(CLEAR_DECORATORS):
            return True
    return False


def _skip_calls(node: ast.ClassDef) -> list[ast.Call]:
    """``@skip(...)``-like decorator calls on the test methods of a class."""
    found: list[ast.Call] = []
    for decorator in _test_decorators(node):
        if isinstance(decorator, ast.Call):
            name = dotted(decorator.func) or ""
            if name.rsplit(".", 1)[-1] in SKIP_NAMES:
                found.append(decorator)
    return found


def _markable(call: ast.Call) -> bool:
    """The same test as ``transforms.skip_marks``: can it become a pytest mark exactly?"""
    kind = (dotted(call.func) or "").rsplit(".", 1)[-1]
    wanted = ("reason",) if kind == "skip" else ("condition", "reason")
    if any(isinstance(a, ast.Starred) for a in call.args) or len(call.args) > len(wanted):
        return False
    given = [*wanted[: len(call.args)], *(k.arg or "**" for k in call.keywords)]
    if sorted(given) != sorted(wanted):
        return False
    if kind == "skip":
        return True
    values: dict[str | None, ast.expr] = dict(zip(wanted, call.args, strict=False))
    values.update((k.arg, k.value) for k in call.keywords)
    condition = values["condition"]
    # pytest evaluates a string condition as code; unittest only tests its truth.
    is_text = isinstance(condition, ast.JoinedStr) or (
        isinstance(condition, ast.Constant) and isinstance(condition.value, str)
    )
    return not is_text


def _cleanup_users(node: ast.ClassDef, scan: _Scan) -> Iterator[tuple[str, int, str]]:
    """(method, line, api) for cleanup API used outside the lifecycle methods of its level."""
    for stmt in node.body:
        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for sub in scan.cleanup_attrs:
            if _within(sub, stmt):
                own = CLASS_LEVEL if "Class" in sub.attr else FUNCTION_LEVEL
                if stmt.name not in own:
                    yield stmt.name, sub.lineno, sub.attr


# Callables given a test instance that never call back into it for a cleanup.
PASSIVE_CALLEES = frozenset(
    {
        "callable",
        "delattr",
        "getattr",
        "hasattr",
        "hash",
        "id",
        "isinstance",
        "issubclass",
        "print",
        "repr",
        "setattr",
        "str",
        "super",
        "type",
        "vars",
    }
)


def _self_escapes(node: ast.ClassDef, ctx: _ClassContext) -> Iterator[tuple[str, int, str]]:
    """(method, line, callee) for each call of an instance method that passes the method's
    first parameter as an argument, apart from the class's own parent calls and a few
    builtins: what the callee does with the test (``test.addCleanup(...)``) is not read."""
    if not ctx.scan.param_calls:
        return
    for stmt in node.body:
        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        params = stmt.args.posonlyargs + stmt.args.args
        if not params or any(
            dotted(d) in ("staticmethod", "classmethod") for d in stmt.decorator_list
        ):
            continue
        first = params[0].arg
        for call, passed in ctx.scan.param_calls:
            if first not in passed or not _within(call, stmt):
                continue
            callee = dotted(call.func) or "?"
            if callee in PASSIVE_CALLEES or _parent_call_of(call, stmt.name, first, ctx.modules):
                continue
            if isinstance(call.func, ast.Attribute) and call.func.attr in ("format", "format_map"):
                continue  # "{self.x}".format(self=self) reads attributes, nothing more
            yield stmt.name, call.lineno, callee


def _parent_call_of(call: ast.Call, method: str, first: str, modules: frozenset[str]) -> bool:
    """``Base.method(self)``: the method's own parent call (planned apart)."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr != method:
        return False
    return explicit_parent_target(call, first, modules) is not None


def _class_refs(node: ast.ClassDef, ctx: _ClassContext) -> Iterator[Reference]:
    """Every ``X.setUp``-like attribute in the class, minus recognised parent calls."""
    allowed: set[int] = set()
    explicit: set[int] = set()
    for stmt in node.body:
        if (
            isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))
            and stmt.name in LIFECYCLE_METHODS
        ):
            params = [a.arg for a in stmt.args.posonlyargs + stmt.args.args]
            first = params[0] if params else None
            for sub in ast.walk(stmt):
                if not isinstance(sub, ast.stmt):
                    continue
                if super_start(sub, stmt.name, first) is not None:
                    allowed.add(id(sub.value.func))  # type: ignore[attr-defined]
                elif explicit_parent_call(sub, stmt.name, first, ctx.modules):
                    explicit.add(id(sub.value.func))  # type: ignore[attr-defined]
    methods = [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for sub in ctx.scan.lifecycle_attrs:
        if _within(sub, node) and id(sub) not in allowed:
            target = dotted(sub.value)
            owner = next((m for m in methods if _within(sub, m)), None)
            aliases = {**ctx.aliases, **_function_imports(owner, ctx)} if owner else ctx.aliases
            qualified = resolve(target, aliases, ctx.module, ctx.top) if target else None
            via = _call_site(sub, owner)
            host = owner.name if owner is not None and via is not None else None
            if id(sub) in explicit:
                yield Reference(sub.lineno, sub.attr, qualified, parent_call=True)
                continue
            foreign = not _own_receiver(sub.value, owner)
            yield Reference(sub.lineno, sub.attr, qualified, host, via, foreign)


def _own_receiver(node: ast.expr, owner: ast.FunctionDef | ast.AsyncFunctionDef | None) -> bool:
    """``self`` (the method's first parameter) or a ``super(...)`` call."""
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and node.func.id == "super"
    params = [a.arg for a in owner.args.posonlyargs + owner.args.args] if owner else []
    return isinstance(node, ast.Name) and bool(params) and node.id == params[0]


RUN_STATE = frozenset({"_outcome", "_outcomeForDoCleanups", "_resultForDoCleanups"})


def _run_state(node: ast.ClassDef) -> int | None:
    """The line of the first ``x._outcome`` (or another attribute of ``RUN_STATE``) in the
    class body, if any."""
    lines = [
        sub.lineno
        for sub in ast.walk(node)
        if isinstance(sub, ast.Attribute) and sub.attr in RUN_STATE
    ]
    return min(lines, default=None)


def _call_site(
    attr: ast.Attribute, owner: ast.FunctionDef | ast.AsyncFunctionDef | None
) -> str | None:
    """ "super" or "self" when ``attr`` is the callee of a statement ``super().setUp()`` or
    ``self.setUp()`` (its first parameter) in the method's own scope, not a lifecycle
    method; None otherwise."""
    if owner is None or owner.name in LIFECYCLE_METHODS:
        return None
    params = [a.arg for a in owner.args.posonlyargs + owner.args.args]
    statement = any(
        isinstance(n, ast.Expr)
        and isinstance(n.value, ast.Call)
        and n.value.func is attr
        and not n.value.args
        and not n.value.keywords
        for n in walk_same_scope(owner.body)
    )
    if not statement:
        return None
    receiver = attr.value
    if isinstance(receiver, ast.Name) and params and receiver.id == params[0]:
        return "self"
    if (
        isinstance(receiver, ast.Call)
        and isinstance(receiver.func, ast.Name)
        and receiver.func.id == "super"
        and not receiver.args
        and not receiver.keywords
    ):
        return "super"
    return None


def _function_imports(
    func: ast.FunctionDef | ast.AsyncFunctionDef, ctx: _ClassContext
) -> dict[str, str]:
    """Names a method binds by ``import`` statements alone (``from zope.testing import
    cleanup`` then ``cleanup.setUp()``): a name it also binds otherwise is left out."""
    nodes = list(ast.walk(func))
    imported = _import_bindings(nodes, ctx.module, module_name_is_package(ctx.path))
    other: set[str] = {a.arg for a in ast.walk(func.args) if isinstance(a, ast.arg)}
    for sub in nodes:
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, (ast.Store, ast.Del)):
            other.add(sub.id)
        elif isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if sub is not func:
                other.add(sub.name)
        elif isinstance(sub, (ast.Global, ast.Nonlocal)):
            other.update(sub.names)
    return {name: target for name, target in imported.items() if name not in other}


def _external_refs(
    scan: _Scan, aliases: Mapping[str, str], module: str, top: frozenset[str]
) -> Iterator[Reference]:
    """``X.setUp`` written outside any class (``Foo.setUp = ...``, ``Foo.setUpClass()``)."""
    defs = (ast.FunctionDef, ast.AsyncFunctionDef)
    functions = [s for s in scan.tree_body if isinstance(s, defs)]
    for node in scan.lifecycle_attrs:
        if not any(_within(node, cls) for cls in scan.classes):
            target = dotted(node.value)
            qualified = resolve(target, aliases, module, top) if target else None
            outer = next((f for f in functions if _within(node, f)), None)
            handed = outer is not None and _receiver_is_parameter(node, outer)
            function = outer.name if outer is not None and handed else None
            yield Reference(node.lineno, node.attr, qualified, function=function)


def _receiver_is_parameter(
    node: ast.Attribute, outer: ast.FunctionDef | ast.AsyncFunctionDef
) -> bool:
    """Whether ``x`` of ``x.setUp`` (or ``x.y.setUp``) is a parameter of ``outer`` or of a
    function nested in it around ``node``: an object its caller handed in."""
    root: ast.expr = node.value
    while isinstance(root, ast.Attribute):
        root = root.value
    if not isinstance(root, ast.Name):
        return False
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    enclosing = [f for f in ast.walk(outer) if isinstance(f, scopes) and _within(node, f)]
    params = {a.arg for f in enclosing for a in ast.walk(f.args) if isinstance(a, ast.arg)}
    return root.id in params


def _imported(scan: _Scan, module: str, path: str) -> frozenset[str]:
    """Every qualified name the module's import statements bind, nested ones included."""
    bound = _import_bindings(scan.imports, module, module_name_is_package(path))
    return frozenset(bound.values())


def _module_lifecycle_refs(
    scan: _Scan, aliases: Mapping[str, str], module: str, top: frozenset[str]
) -> Iterator[Reference]:
    """Uses of another module's ``setUpModule``/``tearDownModule``: attribute reads
    (``hooks.setUpModule``) and imports (``from hooks import setUpModule``); the target is
    the qualified name of the module that defines them."""
    for node in scan.module_attrs:
        target = dotted(node.value)
        if target is not None:
            yield Reference(node.lineno, node.attr, resolve(target, aliases, module, top))
    for qualified in aliases.values():
        owner, _, name = qualified.rpartition(".")
        if name in MODULE_LEVEL and owner:
            yield Reference(0, name, owner)


def _module_cleanup_users(tree: ast.Module, api: Mapping[str, str]) -> tuple[int, ...]:
    """Lines registering module cleanups outside setUpModule/tearDownModule."""
    lines: list[int] = []
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name in MODULE_LEVEL:
            continue
        for node in ast.walk(stmt):
            if isinstance(node, (ast.Name, ast.Attribute)) and dotted(node) in api:
                lines.append(node.lineno)
    return tuple(lines)


def _shadowed(tree: ast.Module, aliases: Mapping[str, str]) -> set[str]:
    """``pytest``/``contextlib`` bound at module level to something other than the module."""
    out: set[str] = set()
    for name in ("pytest", "contextlib"):
        if name in aliases and aliases[name] != name:
            out.add(name)
    for stmt in _module_level(tree.body):
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)):
            out.update(_binds(stmt, ("pytest", "contextlib")))
            if isinstance(
                stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
            ) and stmt.name in (
                "pytest",
                "contextlib",
            ):
                out.add(stmt.name)
    return out
