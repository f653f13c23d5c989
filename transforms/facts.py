"""Facts about one lifecycle function body, read from the standard ``ast``.

What it does: for a ``setUp``/``tearDown``/``setUpClass``/``tearDownClass``/``setUpModule``/
``tearDownModule`` definition, records where it calls ``super()``, where it returns, which
cleanup API it uses, and which names it binds and reads.
Why: the run-wide plan decides convert-or-refuse for whole class hierarchies before any file is
rewritten, and ``ast`` reads a file about eight times faster than libcst (DESIGN.md section 6),
so analysis runs on ``ast`` and only files that will change are parsed by libcst.
Example: ``def setUp(self): super().setUp(); self.x = 1`` gives one super call at "first".
Refuses when: never; it only describes. The plan turns facts into refusals.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from transforms.astutil import (
    dotted,
    explicit_parent_call,
    is_super_call,
    names_in,
    super_start,
    walk_all,
    walk_same_scope,
)
from transforms.env_facts import EnvFacts, EnvRestore, env_setup, restore_tail
from transforms.temp_facts import (
    ChdirSite,
    Constant,
    DirSite,
    Hazard,
    Removal,
    TempSite,
    chdir_setup,
    cleanup_mentions,
    hazards,
    logger_uses,
    mentions,
    phase_state_line,
    removals,
    state_writes,
    temp_sites,
)

__all__ = [
    "BodyFacts",
    "SuperCall",
    "body_facts",
    "dotted",
    "explicit_parent_call",
    "is_super_call",
    "super_start",
    "walk_same_scope",
]


@dataclass(frozen=True)
class SuperCall:
    """A statement that calls the same lifecycle method of the parent."""

    line: int
    # "first", "last", "only" (first and last), "middle", or "nested" (inside a block).
    position: str
    # Dotted name of an explicit parent (``Base.setUp(self)``); None for ``super()``.
    explicit: str | None
    # ``super(Other, self).setUp()`` naming a class other than the method's own: the call
    # starts after ``Other`` in the MRO (None for the usual forms).
    after: str | None = None
    # ``super(self.__class__, self)``: the same as ``super()`` for an instance of the class
    # itself, another class for a subclass's (the plan refuses a class with subclasses).
    dynamic: bool = False


@dataclass(frozen=True)
class BodyFacts:
    """What the plan needs to know about one lifecycle function."""

    name: str
    line: int
    params: tuple[str, ...]
    simple_signature: bool
    is_async: bool
    decorators: tuple[str, ...]
    super_calls: tuple[SuperCall, ...]
    has_yield: bool
    has_await: bool
    has_return: bool
    return_problem: int | None
    cleanup_calls: int
    cleanup_closes: int
    cleanup_problem: int | None
    assigned: frozenset[str]
    loaded: frozenset[str]
    global_names: frozenset[str]
    nested_global: bool
    all_names: frozenset[str]
    # Attributes of the first parameter named anywhere in the body (``self.helper``).
    self_attrs: frozenset[str] = frozenset()
    temp_sites: tuple[TempSite, ...] = field(default=())
    dir_sites: tuple[DirSite, ...] = field(default=())
    removals: tuple[Removal, ...] = field(default=())
    hazards: tuple[Hazard, ...] = field(default=())
    chdir_setup: ChdirSite | None = None
    chdir_restore: ChdirSite | None = None
    env: EnvFacts | None = None
    env_restores: tuple[EnvRestore, ...] = ()
    # Process-wide state changed (setups), and what could put it back: every name a teardown
    # mentions, or the names given to a setup's cleanup registrations.
    state_writes: tuple[tuple[str, int, bool], ...] = ()
    restore_mentions: frozenset[str] = frozenset()
    # Line of the first change of state pytest resets between phases (MF119): the lesser of
    # ``phase_definite`` and the lines of ``logger_uses`` not known to be named loggers
    # (``loggers.settle`` updates it once the index is complete).
    phase_state: int | None = None
    phase_definite: int | None = None
    logger_uses: tuple[tuple[int, str], ...] = ()
    # Line of the first explicit skip in the body's own scope (``self.skipTest(...)``,
    # ``raise unittest.SkipTest``): unittest then runs no tearDown, not even a parent's.
    skips: int | None = None
    # Line of a cleanup that asserts (``enterContext(self.assertNoLogs())``,
    # ``addCleanup(self.assertEqual, ...)``): its failure fails the test under unittest, but
    # would be a teardown error in a fixture.
    asserting_cleanup: int | None = None
    # How many attributes named like a lifecycle method (``x.setUp``) the body reads: a
    # body whose only ones are its parent call statements can be left to unittest while
    # its parents become fixtures (``Planner.kept_plan``).
    lifecycle_mentions: int = 0


LIFECYCLE_NAMES = frozenset(
    {"setUp", "tearDown", "setUpClass", "tearDownClass", "setUpModule", "tearDownModule"}
)


def contains_return(stmts: list[ast.stmt]) -> bool:
    return any(isinstance(n, ast.Return) for n in walk_same_scope(stmts))


def _is_none_return(node: ast.Return) -> bool:
    value = node.value
    return value is None or (isinstance(value, ast.Constant) and value.value is None)


def return_problem(stmts: list[ast.stmt]) -> int | None:
    """Line of the first return that the setup restructuring cannot lift, or None.

    Liftable: a bare ``return`` as a statement of the body (what follows is dead), or as the
    last statement of a branch of a top-level ``if`` (the statements after the ``if`` move
    into the branches that fall through). Everything else is refused.
    """
    for index, stmt in enumerate(stmts):
        if isinstance(stmt, ast.Return):
            return None if _is_none_return(stmt) else stmt.lineno
        if not contains_return([stmt]):
            continue
        if not isinstance(stmt, ast.If):
            return _first_return_line(stmt)
        for branch in (stmt.body, stmt.orelse):
            if not contains_return(branch):
                continue
            last = branch[-1]
            if not isinstance(last, ast.Return) or not _is_none_return(last):
                return _first_return_line(stmt)
            if contains_return(branch[:-1]):
                return _first_return_line(stmt)
        return return_problem(stmts[index + 1 :])
    return None


def _first_return_line(stmt: ast.stmt) -> int:
    for node in walk_same_scope([stmt]):
        if isinstance(node, ast.Return):
            return node.lineno
    return stmt.lineno


def bound_names(stmts: list[ast.stmt]) -> frozenset[str]:
    """The names a body binds in its own scope (nested defs and classes by their name)."""
    names: set[str] = set()
    for node in walk_same_scope(stmts):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.NamedExpr):
            names.add(node.target.id)
    return frozenset(names)


def _all_names(
    stmts: list[ast.stmt], first: str | None
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(names read anywhere, every identifier anywhere, attributes of ``first`` named
    anywhere), nested scopes included."""
    loaded: set[str] = set()
    every: set[str] = set()
    attrs: set[str] = set()
    for node in walk_all(stmts):
        if isinstance(node, ast.Name):
            every.add(node.id)
            if isinstance(node.ctx, ast.Load):
                loaded.add(node.id)
        elif isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == first:
                attrs.add(node.attr)
        elif isinstance(node, ast.arg):
            every.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            every.add(node.name)
    return frozenset(loaded), frozenset(every), frozenset(attrs)


def _globals(stmts: list[ast.stmt]) -> tuple[frozenset[str], bool]:
    top: set[str] = set()
    nested = False
    for node in walk_same_scope(stmts):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            if isinstance(node, ast.Global) and node in stmts:
                top.update(node.names)
            else:
                nested = True
    return frozenset(top), nested


def _super_calls(
    body: list[ast.stmt],
    method: str,
    first_param: str | None,
    cls_name: str,
    modules: Collection[str] = (),
) -> tuple[SuperCall, ...]:
    calls: list[SuperCall] = []
    real = [s for s in body if not is_docstring(s)]
    for stmt in walk_same_scope(body):
        if not isinstance(stmt, ast.stmt):
            continue
        explicit = explicit_parent_call(stmt, method, first_param, modules)
        start = super_start(stmt, method, first_param)
        if explicit is None and start is None:
            continue
        dynamic = start is not None and start == f"{first_param}.__class__"
        after = start if start not in (None, "", cls_name) and not dynamic else None
        calls.append(SuperCall(stmt.lineno, _position(stmt, real), explicit, after, dynamic))
    return tuple(calls)


def _position(stmt: ast.stmt, real: list[ast.stmt]) -> str:
    """Where the parent call stands; inert statements before or after it do not count
    (``def helper(...)`` before ``super().setUp()`` runs the same after the parent's
    setup: it only binds a local the call cannot read)."""
    if stmt not in real or (isinstance(stmt, ast.Return) and stmt is not real[-1]):
        return "nested"  # a return before the end also ends the method: not a plain call
    index = next(i for i, s in enumerate(real) if s is stmt)
    read = names_in(stmt)
    first = all(_inert(s, read) for s in real[:index])
    last = all(_inert(s, read) for s in real[index + 1 :])
    if first and last:
        return "only"
    return "first" if first else "last" if last else "middle"


def _inert(stmt: ast.stmt, read: set[str]) -> bool:
    """Whether ``stmt`` has no effect but binding locals that ``read`` (the names the parent
    call reads) does not name, and cannot raise: ``pass``, ``name = <constant>``, or a
    ``def`` without decorators or annotations whose defaults are constants (a def evaluates
    only those when it runs; the body runs when called)."""
    if isinstance(stmt, ast.Pass):
        return True
    if isinstance(stmt, ast.Assign):
        names = [t.id for t in stmt.targets if isinstance(t, ast.Name)]
        plain = len(names) == len(stmt.targets) and isinstance(stmt.value, ast.Constant)
        return plain and not read.intersection(names)
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
        args = stmt.args
        every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
        annotated = stmt.returns is not None or any(a.annotation for a in every if a)
        defaults = [*args.defaults, *(d for d in args.kw_defaults if d is not None)]
        constant = all(isinstance(d, ast.Constant) for d in defaults)
        generic = bool(getattr(stmt, "type_params", ()))
        plain = not stmt.decorator_list and not annotated and constant and not generic
        return plain and stmt.name not in read
    return False


def is_docstring(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def asserting_cleanup(
    body: list[ast.stmt], api: Mapping[str, str], first: str | None
) -> int | None:
    """Line of the first cleanup registration whose callable (``addCleanup``) or context
    manager (``enterContext``) is one of the test case's own assertions."""
    if first is None:
        return None
    for node in walk_same_scope(body):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        method = api.get(dotted(node.func) or "")
        registered = node.args[0]
        if method == "enter_context" and isinstance(registered, ast.Call):
            registered = registered.func
        elif method != "callback":
            continue
        name = dotted(registered) or ""
        if name.startswith(f"{first}.") and name[len(first) + 1 :].startswith(("assert", "fail")):
            return node.lineno
    return None


def cleanup_usage(body: list[ast.stmt], api: Mapping[str, str]) -> tuple[int, int, int | None]:
    """(cleanup calls, of which ``doCleanups``-like, line of a use that cannot be rewritten).

    ``api`` maps the dotted callees (``self.addCleanup``, ``ut.addModuleCleanup``) to the
    ``ExitStack`` method that replaces them. A call is rewritable only when made directly in
    the function's own scope: one stored or called later would escape the fixture's stack;
    a ``doCleanups()`` only as a statement, since its return value differs from ``close()``'s.
    """
    calls = closes = 0
    direct: set[int] = set()
    statements = {id(s.value) for s in walk_same_scope(body) if isinstance(s, ast.Expr)}
    for node in walk_same_scope(body):
        if not isinstance(node, ast.Call):
            continue
        method = api.get(dotted(node.func) or "")
        if method is None or (method == "close" and id(node) not in statements):
            continue
        calls += 1
        closes += method == "close"
        direct.add(id(node.func))
    for node in walk_all(body):
        if not isinstance(node, (ast.Name, ast.Attribute)) or id(node) in direct:
            continue
        if dotted(node) in api:
            return calls, closes, node.lineno
    return calls, closes, None


def _first_skip(nodes: list[ast.AST], first: str | None) -> int | None:
    """The line of the first ``<first>.skipTest(...)`` call or ``raise ...SkipTest``."""
    lines = []
    for node in nodes:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if node.func.attr == "skipTest" and isinstance(owner, ast.Name) and owner.id == first:
                lines.append(node.lineno)
        elif isinstance(node, ast.Raise) and node.exc is not None:
            raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if (dotted(raised) or "").rsplit(".", 1)[-1] == "SkipTest":
                lines.append(node.lineno)
    return min(lines, default=None)


def body_facts(
    func: ast.FunctionDef | ast.AsyncFunctionDef,
    cls_name: str,
    cleanup_api: dict[str, str],
    aliases: Mapping[str, str] | None = None,
    constants: Mapping[str, Constant] | None = None,
    modules: Collection[str] = (),
) -> BodyFacts:
    """Describe one lifecycle function (a method, or a module-level function). ``modules``:
    the spellings that can only name a module (``index.module_spellings``)."""
    args = func.args
    params = tuple(a.arg for a in args.posonlyargs + args.args)
    expected = 0 if not cls_name else 1
    simple = (
        len(params) == expected
        and not args.vararg
        and not args.kwarg
        and not args.kwonlyargs
        and not args.defaults
    )
    first = params[0] if params else None
    api = {f"{first}{k}" if k.startswith(".") else k: v for k, v in cleanup_api.items()}
    loaded, every, self_attrs = _all_names(func.body, first)
    global_names, nested_global = _globals(func.body)
    calls, closes, problem = cleanup_usage(func.body, api)
    same_scope = list(walk_same_scope(func.body))
    paths, dirs = temp_sites(func.body, first, aliases or {}, constants)
    is_teardown = func.name.startswith("tearDown")
    tail = restore_tail(func.body, first, cls_name, aliases or {}, modules) if is_teardown else None
    is_setup = func.name.startswith("setUp")
    changed = state_writes(func.body, aliases or {}) if is_setup else ()
    definite = phase_state_line(func.body, aliases or {})
    uses = logger_uses(func.body, aliases or {})
    if is_setup:
        restore = cleanup_mentions(func.body, aliases or {}) if changed else frozenset()
    else:
        restore = mentions(func.body, aliases or {})
    return BodyFacts(
        name=func.name,
        line=func.lineno,
        params=params,
        simple_signature=simple,
        is_async=isinstance(func, ast.AsyncFunctionDef),
        decorators=tuple(dotted(d) or "?" for d in func.decorator_list),
        super_calls=_super_calls(func.body, func.name, first, cls_name, modules),
        has_yield=any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in same_scope),
        has_await=any(isinstance(n, ast.Await) for n in same_scope),
        has_return=contains_return(func.body),
        return_problem=return_problem(func.body),
        skips=_first_skip(same_scope, first),
        cleanup_calls=calls,
        cleanup_closes=closes,
        cleanup_problem=problem,
        assigned=bound_names(func.body),
        loaded=loaded,
        global_names=global_names,
        nested_global=nested_global,
        all_names=every | set(params),
        self_attrs=self_attrs,
        temp_sites=paths,
        dir_sites=dirs,
        removals=removals(func.body, first, aliases or {}),
        hazards=tuple(hazards(func.body, aliases or {}, constants)),
        chdir_setup=chdir_setup(func.body, first, aliases or {}),
        chdir_restore=tail.chdir if tail else None,
        env=env_setup(func.body, aliases or {}) if func.name.startswith("setUp") else None,
        env_restores=tail.env if tail else (),
        state_writes=changed,
        restore_mentions=restore,
        phase_state=min(
            (x for x in (definite, *(u[0] for u in uses)) if x is not None), default=None
        ),
        phase_definite=definite,
        logger_uses=uses,
        asserting_cleanup=asserting_cleanup(func.body, api, first),
        lifecycle_mentions=sum(
            isinstance(n, ast.Attribute) and n.attr in LIFECYCLE_NAMES for n in walk_all(func.body)
        ),
    )
