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
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from transforms.astutil import (
    decorator_target,
    explicit_parent_target,
    names_in,
    qualify,
    walk_same_scope,
)
from transforms.bindings import (
    ALTERNATIVES,
    DEFINITIONS,
    Rebinding,
    assigned_aliases,
    assigned_names,
    binds,
    block_statements,
    body_functions,
    boolean_globals,
    build_aliases,
    dead_blocks,
    global_bindings,
    import_bindings,
    module_name_is_package,
    module_statements,
    rebound_names,
    resolve,
    top_level_names,
)
from transforms.decorators import (
    defines_class_in_function,
    has_opaque_tests,
    markable,
    skip_aliases,
    skip_calls,
    skip_factories,
    subclassing_decorators,
)
from transforms.facts import (
    BodyFacts,
    body_facts,
    bound_names,
    dotted,
    explicit_parent_call,
    super_start,
)
from transforms.imports import temp_import_reads
from transforms.loggers import module_loggers
from transforms.method_decorators import DecoratorUses, decorator_uses, wrapper_receiver
from transforms.module_scan import (
    MODULE_CALL,
    ModuleScan,
    imported_names,
    is_within,
    module_cleanup_api,
    module_cleanup_lines,
    module_spellings,
    scan_module,
)
from transforms.runners import (
    RUNNER_WORDS,
    unittest_runs,
)
from transforms.temp_facts import (
    Constant,
    Hazard,
    cleanup_mentions,
    file_literals,
    hazards,
    mentions,
    module_constants,
    restored,
    state_writes,
    tmp_literals,
)
from transforms.unittest_api import (
    CLASS_CLEANUPS,
    CLASS_LEVEL,
    FUNCTION_CLEANUPS,
    FUNCTION_LEVEL,
    LIFECYCLE_METHODS,
    MODULE_LEVEL,
    SKIP_NAMES,
    TRIGGER_WORDS,
)


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
    # Outside any class, on the first parameter of the wrapper ``function`` returns as a
    # method (``transforms.method_decorators.wrapper_receiver``): the test instance of a
    # method that ``function`` decorates.
    wrapped: bool = False
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
    # What it reads there: unittest's ``self._outcome``, or the call stack, whose function
    # names change when setUp becomes a fixture (``index._state_read``).
    run_state_what: str = ""
    # Where the class reads run state: the names of its defs whose bodies read it, and ""
    # for a read outside any def (class-level code). Only for a file that mentions it.
    run_state_in: frozenset[str] = frozenset()
    # The attributes each def of the class reads on its first parameter (``self.x``), for a
    # file that mentions run state (None otherwise): which methods reach those reads
    # (``transforms.run_state``).
    method_reads: Mapping[str, frozenset[str]] | None = None
    # The names the class body binds with a def (properties too), blocks included.
    defs: frozenset[str] = frozenset()
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
    # For a class statement directly in the body of a module-level class (through class
    # bodies only): the enclosing classes' names, dotted. ``ns.Outer.Inner`` names it.
    outer: str = ""

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
    # Globals that a class statement's base goes through and that module-level assignments
    # bind (``Made = either(flag)``): the qualified names each such value reads.
    assigned_reads: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # The method decorators of the module-level classes, how often each name the module
    # imports or defines is written, and the attribute names it reads: where a decorator
    # function is read (``transforms.method_decorators``).
    decorator_uses: DecoratorUses = field(default_factory=lambda: DecoratorUses({}, {}))
    name_uses: Mapping[str, int] = field(default_factory=dict)
    attr_names: frozenset[str] = frozenset()
    # Module-level names bound once to a logger other than the root logger
    # (``logger = logging.getLogger(__name__)``): see ``transforms.loggers``.
    named_loggers: frozenset[str] = frozenset()

    @property
    def lifecycle_count(self) -> int:
        """Lifecycle methods and functions defined here (converted or not)."""
        return sum(len(set(c.methods) | c.bound_otherwise) for c in self.classes) + len(
            self.functions
        )


def index_module(source: str, module: str, path: str) -> ModuleInfo:
    """Index one module. Raises ``SyntaxError`` when ``source`` does not parse."""
    with warnings.catch_warnings():
        # The suite's own SyntaxWarnings (``assert (x, y)``) are not this tool's to print.
        warnings.simplefilter("ignore")
        tree = ast.parse(source, filename=path)
    aliases = build_aliases(tree, module, module_name_is_package(path))
    top = top_level_names(tree)
    # Whole-tree walks are skipped when the words they look for are not in the text at all:
    # on a large suite this halves the cost of indexing.
    words = _Words(
        lifecycle=any(w in source for w in TRIGGER_WORDS),
        cleanup="Cleanup" in source or "Context" in source,
        module="setUpModule" in source or "tearDownModule" in source,
        run_state=any(w in source for w in STATE_WORDS),
    )
    scan = scan_module(tree)

    @lru_cache(maxsize=1)
    def bindings() -> Counter[str]:
        return global_bindings(tree, scan.declared_global)

    aliases.update(assigned_aliases(tree, aliases, module, top, bindings()))
    constants = module_constants(tree, aliases)
    modules = module_spellings(tree, bindings()) if MODULE_CALL.search(source) else frozenset()
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
    module_api = module_cleanup_api(aliases)
    functions: dict[str, BodyFacts] = {}
    bound: set[str] = set()
    for stmt in module_statements(tree.body):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name in MODULE_LEVEL:
            if stmt in tree.body and stmt.name not in functions:
                functions[stmt.name] = body_facts(stmt, "", module_api, aliases, constants)
            else:
                bound.add(stmt.name)
        elif binds(stmt, MODULE_LEVEL):
            bound.update(binds(stmt, MODULE_LEVEL))
    return ModuleInfo(
        module=module,
        path=path,
        aliases=aliases,
        top_names=top,
        classes=classes,
        functions=functions,
        bound_otherwise=frozenset(bound),
        module_refs=tuple(scan.module_names) if words.module else (),
        module_cleanup_users=module_cleanup_lines(tree, module_api) if words.cleanup else (),
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
        class_decorators=subclassing_decorators(tree, bindings(), aliases)
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
        imported=imported_names(scan, module, path),
        unittest_runs=tuple(unittest_runs(tree, aliases, module, top))
        if RUNNER_WORDS.search(source)
        else (),
        module_spellings=modules,
        named_loggers=module_loggers(tree, aliases, bindings())
        if "Logger" in source
        else frozenset(),
        # ``_classes`` reads ``scan.classes`` in order: each statement with its ClassInfo.
        decorator_uses=decorator_uses(
            ((node, c.module_level) for node, c in zip(scan.classes, classes, strict=True)),
            aliases,
            module,
            top,
        ),
        name_uses={n: c for n, c in scan.name_counts.items() if n in top},
        attr_names=frozenset(scan.attr_names),
        assigned_reads=_assigned_reads(tree, classes, aliases, module, top),
    )


def _assigned_reads(
    tree: ast.Module,
    classes: tuple[ClassInfo, ...],
    aliases: Mapping[str, str],
    module: str,
    top: frozenset[str],
) -> dict[str, frozenset[str]]:
    """For each global at the head of a base of a class (``class Sub(Made)``) that neither
    an import nor a class statement binds: what its module-level assignments read."""
    own = {c.name for c in classes}
    heads = {
        b.split(".")[len(module.split("."))]
        for c in classes
        for b in c.bases
        if b and b.startswith(f"{module}.")
    }
    heads = {h for h in heads if h not in own and h not in aliases}
    if not heads:
        return {}
    out: dict[str, set[str]] = {}
    for stmt in module_statements(tree.body):
        if not isinstance(stmt, (ast.Assign, ast.AnnAssign)) or stmt.value is None:
            continue
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        names = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)} & heads
        if not names:
            continue
        # Names and dotted chains (``helpers.make``: a function of another module).
        nodes = ast.walk(_with_own_functions(stmt.value, tree))
        spelled = {dotted(n) for n in nodes if isinstance(n, (ast.Name, ast.Attribute))}
        reads = {resolve(n, aliases, module, top) or "?" for n in spelled if n}
        for name in names:
            out.setdefault(name, set()).update(reads)
    return {name: frozenset(reads) for name, reads in out.items()}


def _with_own_functions(value: ast.expr, tree: ast.Module) -> ast.Module:
    """``value`` and the module's top-level functions it reads, and those they read in
    turn: everything whose names may make the value (``either`` reads ``Base``)."""
    functions = {
        s.name: s for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    body: list[ast.stmt] = [ast.Expr(value)]
    seen: set[str] = set()
    pending: list[ast.AST] = [value]
    while pending:
        node = pending.pop()
        for sub in ast.walk(node):
            if isinstance(sub, ast.Name) and sub.id in functions and sub.id not in seen:
                seen.add(sub.id)
                body.append(functions[sub.id])
                pending.append(functions[sub.id])
    return ast.Module(body=body, type_ignores=[])


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
        target = decorator_target(decorator)
        if qualify(target, aliases) == "pytest.fixture":
            return True
    return False


@dataclass(frozen=True)
class _Words:
    """Which kinds of word the source text contains at all."""

    lifecycle: bool
    cleanup: bool
    module: bool
    run_state: bool = False  # "_outcome" or a stack read (see ``STATE_WORDS``)


def _classes(tree: ast.Module, base: _ClassContext) -> Iterator[ClassInfo]:
    top_level = {id(s) for s in tree.body}
    in_blocks = {id(s) for s in module_statements(tree.body) if isinstance(s, ast.ClassDef)}
    outers = _outer_names(s for s in tree.body if isinstance(s, ast.ClassDef))
    for node in base.scan.classes:
        context = replace(
            base,
            top_level=id(node) in top_level,
            module_level=id(node) in in_blocks and id(node) not in top_level,
        )
        info = _class_info(node, context)
        yield replace(info, outer=outers[id(node)]) if id(node) in outers else info


def _outer_names(classes: Iterable[ast.ClassDef], prefix: str = "") -> dict[int, str]:
    """id of each class statement directly in the body of one of ``classes`` (and so on
    down through class bodies) -> the dotted names of the classes around it; left out when
    the enclosing body binds its name more than once."""
    out: dict[int, str] = {}
    for cls in classes:
        outer = f"{prefix}{cls.name}"
        # A name the body binds again (``Inner = other``) is not surely that class.
        bound = Counter(n for stmt in cls.body for n in bound_names([stmt]))
        inner = [s for s in cls.body if isinstance(s, ast.ClassDef) and bound[s.name] == 1]
        out.update((id(s), outer) for s in inner)
        out.update(_outer_names(inner, f"{outer}."))
    return out


@dataclass(frozen=True)
class _ClassContext:
    """Where a class statement stands: everything ``_class_info`` needs besides the node."""

    module: str
    path: str
    aliases: Mapping[str, str]
    top: frozenset[str]
    top_level: bool
    words: _Words
    scan: ModuleScan
    constants: Mapping[str, Constant]
    # Inside an if/try/with block at module level: a module global all the same.
    module_level: bool = False
    # ``module_spellings``: ``testing.setUp(self)`` with ``testing`` a module is no parent call.
    modules: frozenset[str] = frozenset()
    # ``rebound_names``: names both an import and a def/class statement bind.
    rebound: Mapping[str, tuple[Rebinding, ...]] = field(default_factory=dict)
    # ``boolean_globals``: ``if`` blocks of a class body on them run one way only.
    booleans: Mapping[str, bool] = field(default_factory=dict)


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
            attrs.update(binds(stmt, tuple(assigned_names(stmt))))
            if isinstance(stmt, ast.ClassDef):
                attrs.add(stmt.name)
            # A def in an if/try block of the class body defines the attribute all the same
            # (``if PY3: def run(self, result=None): ...`` is a wrapper).
            inner = block_statements(stmt, ctx.booleans)
            attrs.update(s.name for s in inner if isinstance(s, DEFINITIONS))
            bound.update(binds(stmt, LIFECYCLE_METHODS, ctx.booleans))
    bases = tuple(_base_name(b, node, ctx) for b in node.bases)
    wrapping = list(_wrapping_decorators(node, ctx))
    dead = dead_blocks(node.body, ctx.booleans)

    def live(line: int | None) -> bool:
        """Outside the class body's branches that never run (``dead_blocks``)."""
        return line is not None and not any(
            s.lineno <= line <= (s.end_lineno or s.lineno) for s in dead
        )

    cleanup_users = _cleanup_users(node, ctx) if ctx.words.cleanup else ()
    # Read for every class of a file that mentions run state: its methods may be reached
    # from a setUp of a hierarchy the reader is in (``transforms.run_state``).
    state, reads, state_in = _state_reads(node, ctx, live) if ctx.words.run_state else NO_STATE
    references = _class_refs(node, ctx) if ctx.words.lifecycle else ()
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
        cleanup_users=tuple(u for u in cleanup_users if live(u[1])),
        self_escapes=tuple(e for e in _self_escapes(node, ctx) if live(e[1])),
        run_state=state[0] if state else None,
        run_state_what=state[1] if state else "",
        run_state_in=frozenset(state_in),
        method_reads=reads,
        defs=frozenset(f.name for f in body_functions(node, ctx.booleans)),
        references=tuple(r for r in references if live(r.line)),
        skip_decorated=bool(skip_calls(node)),
        opaque_tests=has_opaque_tests(node, ctx.aliases),
        skip_blockers=tuple(d.lineno for d in skip_calls(node) if not markable(d)),
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
        name = dotted(decorator_target(decorator)) or "?"
        head, _, rest = name.partition(".")
        qualified = f"{ctx.aliases.get(head, head)}.{rest}" if rest else ctx.aliases.get(head, head)
        if qualified.startswith("pytest.mark."):
            continue
        if name.rsplit(".", 1)[-1] not in (*SKIP_NAMES, "expectedFailure"):
            target = resolve(name, ctx.aliases, ctx.module, ctx.top) or ""
            yield name, f"{target}()" if call else target


def _mro_entry(base: ast.expr) -> ast.expr:
    """The expression naming the class a base puts in the MRO: ``Generic[T]`` and
    ``Base[int]`` put ``Generic`` and ``Base`` there (``__mro_entries__``)."""
    return base.value if isinstance(base, ast.Subscript) else base


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
        count += name in binds(stmt, (name,))
    return count == 1


def _cleanup_users(node: ast.ClassDef, ctx: _ClassContext) -> Iterator[tuple[str, int, str]]:
    """(method, line, api) for cleanup API used outside the lifecycle methods of its level."""
    scan = ctx.scan
    for stmt in body_functions(node, ctx.booleans):
        for sub in scan.cleanup_attrs:
            if is_within(sub, stmt):
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
    for stmt in body_functions(node, ctx.booleans):
        params = stmt.args.posonlyargs + stmt.args.args
        if not params or any(
            dotted(d) in ("staticmethod", "classmethod") for d in stmt.decorator_list
        ):
            continue
        first = params[0].arg
        for call, passed in ctx.scan.param_calls:
            if first not in passed or not is_within(call, stmt):
                continue
            callee = dotted(call.func) or "?"
            if callee in PASSIVE_CALLEES or _parent_call_of(call, stmt.name, first, ctx.modules):
                continue
            if isinstance(call.func, ast.Attribute) and call.func.attr in ("format", "format_map"):
                continue  # "{self.x}".format(self=self) reads attributes, nothing more
            yield stmt.name, call.lineno, callee


def _parent_call_of(call: ast.Call, method: str, first: str, modules: frozenset[str]) -> bool:
    """``Base.method(self)``: the method's own parent call (planned apart); for a method
    that is not a lifecycle one, also with more arguments after ``self``
    (``base.TestCase._clear(self, hook)``): the parent's method, read with its class like
    any method of the MRO, not code the tool does not read."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr != method:
        return False
    if explicit_parent_target(call, first, modules) is not None:
        return True
    if method in LIFECYCLE_METHODS or not call.args or dotted(call.args[0]) != first:
        return False
    rest = [*call.args[1:], *(k.value for k in call.keywords)]
    if any(isinstance(a, ast.Starred) or first in names_in(a) for a in rest):
        return False  # the test handed on again, or arguments the tool cannot list
    target = dotted(func.value)
    return target is not None and target != first and target not in modules


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
    methods = list(body_functions(node, ctx.booleans))
    # The calls style retargets call sites in the class body's own defs only.
    direct = {id(s) for s in node.body}
    for sub in ctx.scan.lifecycle_attrs:
        if is_within(sub, node) and id(sub) not in allowed:
            target = dotted(sub.value)
            owner = next((m for m in methods if is_within(sub, m)), None)
            aliases = {**ctx.aliases, **_function_imports(owner, ctx)} if owner else ctx.aliases
            qualified = resolve(target, aliases, ctx.module, ctx.top) if target else None
            direct_def = owner is not None and id(owner) in direct
            via = _call_site(sub, owner, node.name) if direct_def else None
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
# The call stack, read by function name (PyGithub names its replay files after the "setUp"
# or "test*" frame it finds): a setUp that becomes a fixture is no longer called "setUp".
STACK_NAMES = frozenset(
    {
        "extract_stack",
        "walk_stack",
        "format_stack",
        "print_stack",
        "_getframe",
        "currentframe",
        "getouterframes",
        "getframeinfo",
    }
)
STACK_ATTRS = STACK_NAMES | {"f_back", "co_name"}
# Words of the source text that say one of these may be there (``_Words.run_state``).
STATE_WORDS = ("_outcome", "_resultForDoCleanups", "inspect.stack", "inspect.trace", *STACK_ATTRS)
RUN_STATE_WORDS = "unittest's self._outcome"
STACK_WORDS = "the call stack"


def _state_read(node: ast.AST) -> str | None:
    """What state of the run ``node`` reads: ``RUN_STATE_WORDS`` (``x._outcome``, set only
    while unittest's ``run()`` runs), ``STACK_WORDS`` (frames and their function names), or
    None."""
    if isinstance(node, ast.Attribute):
        if node.attr in RUN_STATE:
            return RUN_STATE_WORDS
        inspect_call = isinstance(node.value, ast.Name) and node.value.id == "inspect"
        if node.attr in STACK_ATTRS or (inspect_call and node.attr in ("stack", "trace")):
            return STACK_WORDS
    if isinstance(node, ast.Name) and node.id in STACK_NAMES:
        return STACK_WORDS
    return None


NO_STATE: tuple[None, None, set[str]] = (None, None, set())


def _state_reads(
    node: ast.ClassDef, ctx: _ClassContext, live: Callable[[int | None], bool]
) -> tuple[tuple[int, str] | None, dict[str, frozenset[str]], set[str]]:
    """What the class reads of the run's state (``_state_read``), from one walk of each def
    and one of the class: the line of the first read on a ``live`` line (not in a branch
    that never runs) with what its reads read (both kinds joined by "and"), if any; def
    name -> attributes its body reads on its first parameter (a def defined twice reads
    what both read); the names of the defs that read the state themselves, "" for a read
    outside every def."""
    reads: dict[str, frozenset[str]] = {}
    inside: set[int] = set()
    state_in: set[str] = set()
    for func in body_functions(node, ctx.booleans):
        params = func.args.posonlyargs + func.args.args
        first = params[0].arg if params else None
        found: set[str] = set()
        for sub in ast.walk(func):
            inside.add(id(sub))
            if _state_read(sub) is not None and live(sub.lineno):  # type: ignore[attr-defined]
                state_in.add(func.name)
            attribute = isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name)
            if attribute and sub.value.id == first:  # type: ignore[attr-defined]
                found.add(sub.attr)  # type: ignore[attr-defined]
        reads[func.name] = reads.get(func.name, frozenset()) | found
    lines: list[int] = []
    kinds: set[str] = set()
    for sub in ast.walk(node):
        what = _state_read(sub)
        if what is None:
            continue
        if id(sub) not in inside:
            state_in.add("")
        if live(sub.lineno):  # type: ignore[attr-defined]
            lines.append(sub.lineno)  # type: ignore[attr-defined]
            kinds.add(what)
    joined = " and ".join(k for k in (RUN_STATE_WORDS, STACK_WORDS) if k in kinds)
    return ((min(lines), joined) if lines else None), reads, state_in


def _call_site(
    attr: ast.Attribute, owner: ast.FunctionDef | ast.AsyncFunctionDef | None, cls_name: str = ""
) -> str | None:
    """ "super" or "self" when ``attr`` is the callee of a statement ``super().setUp()``
    (or ``super(Cls, self)`` naming the method's own class ``cls_name``) or ``self.setUp()``
    (its first parameter) in the method's own scope, not a lifecycle method other than setUp
    or tearDown calling the other one (``except: self.tearDown(); raise`` in a setUp); None
    otherwise."""
    if owner is None:
        return None
    if owner.name in LIFECYCLE_METHODS and {owner.name, attr.attr} != set(FUNCTION_LEVEL):
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
        and not receiver.keywords
        and [dotted(a) for a in receiver.args] in ([], [cls_name, params[0] if params else ""])
    ):
        return "super"
    return None


def _function_imports(
    func: ast.FunctionDef | ast.AsyncFunctionDef, ctx: _ClassContext
) -> dict[str, str]:
    """Names a method binds by ``import`` statements alone (``from zope.testing import
    cleanup`` then ``cleanup.setUp()``): a name it also binds otherwise is left out."""
    nodes = list(ast.walk(func))
    imported = import_bindings(nodes, ctx.module, module_name_is_package(ctx.path))
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
    scan: ModuleScan, aliases: Mapping[str, str], module: str, top: frozenset[str]
) -> Iterator[Reference]:
    """``X.setUp`` written outside any class (``Foo.setUp = ...``, ``Foo.setUpClass()``)."""
    defs = (ast.FunctionDef, ast.AsyncFunctionDef)
    functions = [s for s in scan.tree_body if isinstance(s, defs)]
    for node in scan.lifecycle_attrs:
        if not any(is_within(node, cls) for cls in scan.classes):
            target = dotted(node.value)
            qualified = resolve(target, aliases, module, top) if target else None
            outer = next((f for f in functions if is_within(node, f)), None)
            handed = outer is not None and _receiver_is_parameter(node, outer)
            function = outer.name if outer is not None and handed else None
            wrapped = outer is not None and handed and wrapper_receiver(node, outer, aliases)
            yield Reference(node.lineno, node.attr, qualified, function=function, wrapped=wrapped)


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
    enclosing = [f for f in ast.walk(outer) if isinstance(f, scopes) and is_within(node, f)]
    params = {a.arg for f in enclosing for a in ast.walk(f.args) if isinstance(a, ast.arg)}
    return root.id in params


def _module_lifecycle_refs(
    scan: ModuleScan, aliases: Mapping[str, str], module: str, top: frozenset[str]
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


def _shadowed(tree: ast.Module, aliases: Mapping[str, str]) -> set[str]:
    """``pytest``/``contextlib`` bound at module level to something other than the module."""
    out: set[str] = set()
    for name in ("pytest", "contextlib"):
        if name in aliases and aliases[name] != name:
            out.add(name)
    for stmt in module_statements(tree.body):
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)):
            out.update(binds(stmt, ("pytest", "contextlib")))
            if isinstance(
                stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
            ) and stmt.name in (
                "pytest",
                "contextlib",
            ):
                out.add(stmt.name)
    return out
