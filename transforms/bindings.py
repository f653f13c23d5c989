"""What each global name of a module is bound to: imports, aliases, definitions.

What it does: builds the alias map of a module (``import unittest as ut``, ``from .base import
Base``, ``TestCase = unittest.TestCase``), resolves dotted names through it, and says which
statements bind a name, at the top level or in ``if``/``try`` blocks whose branch a module
boolean may rule out.
Why: bases, decorators and lifecycle names are only as exact as the model of what a name is
bound to; two imports of one name (``try: import unittest2 as unittest``) are kept as
alternatives (``ALTERNATIVES``) rather than guessed.
Example: ``from unittest import TestCase as TC`` maps ``TC`` to ``unittest.TestCase``.
Refuses when: never; the plan refuses.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from transforms.astutil import walk_same_scope
from transforms.facts import dotted


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
    package = module if is_package else module.rpartition(".")[0]
    for stmt in module_statements(tree.body):
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)):
            continue
        for name, target in import_bindings([stmt], module, is_package).items():
            known = aliases.get(name)
            if known is None or _same_module_name(known, target):
                aliases[name] = target
            elif _sibling_spelling(known, target, package):
                aliases[name] = max(known, target, key=len)
            elif target not in known.split(ALTERNATIVES):
                aliases[name] = f"{known}{ALTERNATIVES}{target}"
    return aliases


def _sibling_spelling(known: str, target: str, package: str) -> bool:
    """``try: from tests import helpers`` / ``except ImportError: import helpers`` in a
    module of package ``tests``: the flat name is the same file next to the importer,
    imported when its folder is on ``sys.path`` (a script run, another runner's path), so
    both bindings name one module, spelled with and without the package."""
    if not package or ALTERNATIVES in known:
        return False
    return known == f"{package}.{target}" or target == f"{package}.{known}"


def _same_module_name(known: str, target: str) -> bool:
    return _one_module_name(known) == _one_module_name(target)


def _one_module_name(name: str) -> str:
    for old, new in SAME_MODULES:
        if name == old or name.startswith(f"{old}."):
            return new + name[len(old) :]
    return name


def import_bindings(nodes: Iterable[ast.AST], module: str, is_package: bool) -> dict[str, str]:
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
    for stmt in module_statements(tree.body):
        if not (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
        ):
            continue
        name = stmt.targets[0].id
        if name in aliases or bindings.get(name) != 1:
            continue
        made = _factory_class(stmt.value, tree, bindings)
        if made is not None:
            out[name] = f"{module}.{made.name}@{made.lineno}"  # ``hierarchy.nested_key``
            continue
        value = dotted(stmt.value)
        target = resolve(value, aliases, module, top) if value is not None else None
        if target is not None and not target.startswith(("?", "builtins.")):
            out[name] = target
    return out


def _factory_class(
    value: ast.expr, tree: ast.Module, bindings: Mapping[str, int]
) -> ast.ClassDef | None:
    """For ``Made = make()`` with ``make`` a top-level function of the module (bound once)
    whose every ``return`` returns the one class it defines under that name, that class
    statement: ``Made`` is that class (another call makes another class object from the
    same statement, with the same methods)."""
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)):
        return None
    callee = value.func.id
    if bindings.get(callee) != 1:
        return None
    func = next((s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == callee), None)
    if func is None or func.decorator_list:
        return None  # a decorator may return something else
    scope = list(walk_same_scope(func.body))
    returns = [n for n in scope if isinstance(n, ast.Return)]
    returned = {n.value.id if isinstance(n.value, ast.Name) else None for n in returns}
    if len(returned) != 1 or None in returned:
        return None
    (name,) = returned
    made = [n for n in scope if isinstance(n, ast.ClassDef) and n.name == name]
    stores = [
        n
        for n in scope
        if (isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load))
        or (isinstance(n, (ast.Import, ast.ImportFrom)) and name in import_bindings([n], "", False))
    ]
    if len(made) != 1 or stores or name in _declared_elsewhere(func):
        return None
    return made[0]


def _declared_elsewhere(func: ast.FunctionDef) -> set[str]:
    """Names a function declares ``global``/``nonlocal`` or takes as parameters: bound by
    more than its own class statement."""
    names = {a.arg for a in ast.walk(func.args) if isinstance(a, ast.arg)}
    for node in walk_same_scope(func.body):
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            names.update(node.names)
    return names


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
    return ".".join([*parts, *([node.module] if node.module else [])])


def module_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements that run at import time: the body and the blocks of if/try/with."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.If, ast.Try, ast.With)):
            for block in _blocks(stmt):
                yield from module_statements(block)


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


def top_level_names(tree: ast.Module) -> frozenset[str]:
    names: set[str] = set()
    for stmt in module_statements(tree.body):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(stmt.name)
        elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in stmt.names)
        else:
            for node in ast.walk(stmt):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    names.add(node.id)
    return frozenset(names)


def binds(
    stmt: ast.stmt, names: tuple[str, ...], known: Mapping[str, bool] | None = None
) -> set[str]:
    """Which of ``names`` the statement binds: by an assignment or an import, also inside
    the blocks of an if/try/with/for/while/match (``if PY3: def setUp(self): ...``), but for
    the branch of an ``if`` on a ``known`` constant that never runs (``boolean_globals``)."""
    found = _binds_directly(stmt, names)
    for inner in block_statements(stmt, known):
        if isinstance(inner, DEFINITIONS):
            found.update({inner.name} & set(names))
        else:
            found |= _binds_directly(inner, names)
    return found


def block_statements(stmt: ast.stmt, known: Mapping[str, bool] | None = None) -> Iterator[ast.stmt]:
    """The statements in the blocks of a compound statement, at any depth, without the
    bodies of the functions and classes they define (those run elsewhere), and without the
    branch of an ``if`` whose test is a ``known`` constant that rules it out."""
    if isinstance(stmt, DEFINITIONS):
        return
    for block in _blocks(stmt, known):
        for inner in block:
            yield inner
            yield from block_statements(inner, known)


def body_functions(
    node: ast.ClassDef, known: Mapping[str, bool] | None = None
) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The def statements of a class body, also those in its if/try/with blocks
    (``if PY3: def helper(self): ...`` defines a method all the same), but for the branches
    of an ``if`` on a ``known`` constant that never run (every branch without ``known``)."""
    for stmt in node.body:
        for inner in (stmt, *block_statements(stmt, known)):
            if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield inner


def dead_blocks(body: list[ast.stmt], known: Mapping[str, bool]) -> list[ast.stmt]:
    """The statements of the branches that never run of the ``if`` statements on a
    ``known`` constant in ``body``, at any depth but outside function and class bodies
    (``if not _IS_SYNC: def _callSetUp(self): self.setUp()`` in a class body reads
    nothing when ``_IS_SYNC = True``)."""
    dead: list[ast.stmt] = []
    for stmt in body:
        if isinstance(stmt, DEFINITIONS):
            continue
        taken = _if_branch(stmt, known)
        if isinstance(stmt, ast.If) and taken is not None:
            dead.extend(stmt.orelse if taken else stmt.body)
        for block in _blocks(stmt, known):
            dead.extend(dead_blocks(block, known))
    return dead


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


# (line, what it binds: an import's qualified name, None for the module's own def/class,
# and whether the statement is at the top level rather than in an if/try/with block).
Rebinding = tuple[int, str | None, bool]


def rebound_names(
    tree: ast.Module, aliases: Mapping[str, str], module: str, is_package: bool
) -> dict[str, tuple[Rebinding, ...]]:
    """Names that an import and a def/class statement of the module both bind, with every
    such binding: ``from unittest import TestCase`` then ``class TestCase(TestCase):`` makes
    the later classes' ``TestCase`` the module's own (``index._base_name``)."""
    top = {id(s) for s in tree.body}
    found: dict[str, list[Rebinding]] = {}
    for stmt in module_statements(tree.body):
        if isinstance(stmt, DEFINITIONS) and stmt.name in aliases:
            found.setdefault(stmt.name, []).append((stmt.lineno, None, id(stmt) in top))
    if not found:
        return {}
    for stmt in module_statements(tree.body):
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            for name, target in import_bindings([stmt], module, is_package).items():
                if name in found:
                    found[name].append((stmt.lineno, target, id(stmt) in top))
    return {name: tuple(sorted(bindings, key=lambda b: b[0])) for name, bindings in found.items()}


DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


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


def assigned_names(stmt: ast.stmt) -> Iterator[str]:
    for node in ast.walk(stmt):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            yield node.id
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            yield from ((a.asname or a.name).split(".")[0] for a in node.names)
