"""Small ``ast`` readers shared by the fact finders: names, scopes and parent calls.

What it does: reads dotted names, walks a function body without entering nested scopes, and
recognises the statements that call a parent's lifecycle method (``super().setUp()``,
``super(Cls, self).setUp()``, ``Base.setUp(self)``).
Why: ``facts``, ``temp_facts``, ``env_facts`` and ``index`` all need them; one module that
imports none of them keeps the fact finders free of import cycles.
Example: ``dotted(ast.parse("a.b.c").body[0].value)`` is ``"a.b.c"``.
Refuses when: never.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from functools import lru_cache

NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of attributes on a name, None for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return None if inner is None else f"{inner}.{node.attr}"
    return None


def decorator_target(decorator: ast.expr) -> ast.expr:
    """What a decorator names: ``f`` for ``@f`` and for ``@f(...)``."""
    return decorator.func if isinstance(decorator, ast.Call) else decorator


def walk_same_scope(nodes: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every node of ``nodes`` that runs in the enclosing function's own scope."""
    return iter(_same_scope(tuple(nodes)))


# The fact finders each walk the same lifecycle body (a dozen times per method): the nodes
# are listed once. The key holds the statements themselves, so an id is never reused while
# its entry lives; the index never changes a tree it has parsed.
@lru_cache(maxsize=128)
def _same_scope(nodes: tuple[ast.stmt, ...]) -> tuple[ast.AST, ...]:
    out: list[ast.AST] = []
    stack: list[ast.AST] = list(reversed(nodes))
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, NESTED_SCOPES):
            continue  # a def or class statement of the body itself: only its name binds here
        for child in reversed(list(ast.iter_child_nodes(node))):
            if isinstance(child, NESTED_SCOPES):
                # The nested def/class name binds in our scope; its body does not run here.
                out.append(child)
                continue
            stack.append(child)
    return tuple(out)


def qualify(node: ast.expr, aliases: Mapping[str, str]) -> str | None:
    """The dotted name ``node`` spells, its first name replaced by what the module's
    imports bind it to (``aliases``): ``log.getLogger`` -> ``logging.getLogger``."""
    name = dotted(node)
    if name is None:
        return None
    head, _, rest = name.partition(".")
    base = aliases.get(head, head)
    return f"{base}.{rest}" if rest else base


def walk_all(nodes: list[ast.stmt]) -> tuple[ast.AST, ...]:
    """Every node of ``nodes``, nested scopes included: ``ast.walk`` of each in turn."""
    return _walk_all(tuple(nodes))


@lru_cache(maxsize=128)
def _walk_all(nodes: tuple[ast.stmt, ...]) -> tuple[ast.AST, ...]:
    return tuple(node for stmt in nodes for node in ast.walk(stmt))


def is_super_call(stmt: ast.stmt, method: str, first_param: str | None, cls_name: str) -> bool:
    """``super().m()`` or ``super(Cls, first_param).m()`` as a whole statement."""
    return super_start(stmt, method, first_param) in ("", cls_name)


def super_start(stmt: ast.stmt, method: str, first_param: str | None) -> str | None:
    """For a statement ``super().m()`` "", for ``super(X, first_param).m()`` "X" (dotted);
    None when the statement is no such call."""
    call = _statement_call(stmt, method)
    if call is None or call.args or call.keywords:
        return None
    receiver = call.func.value  # type: ignore[attr-defined]
    if not (isinstance(receiver, ast.Call) and dotted(receiver.func) == "super"):
        return None
    if not receiver.args and not receiver.keywords:
        return ""
    args = [dotted(a) for a in receiver.args]
    if receiver.keywords or len(args) != 2 or args[1] != first_param or args[0] is None:
        return None
    return args[0]


def explicit_parent_call(
    stmt: ast.stmt, method: str, first_param: str | None, modules: Collection[str] = ()
) -> str | None:
    """``Base.m(self)`` as a whole statement: returns ``"Base"``. ``modules``: spellings
    that name a module (``testing.setUp(self)`` calls a function, not a parent)."""
    call = _statement_call(stmt, method)
    return None if call is None else explicit_parent_target(call, first_param, modules)


def explicit_parent_target(
    call: ast.Call, first_param: str | None, modules: Collection[str] = ()
) -> str | None:
    """``Base`` for a call ``Base.m(first_param)`` that can be a parent call (see
    ``explicit_parent_call``; the caller checks the method name ``m``)."""
    func = call.func
    if not isinstance(func, ast.Attribute) or call.keywords or first_param is None:
        return None
    target = dotted(func.value)
    if target is None or target == first_param or target in modules:
        return None
    if func.attr.endswith("Class"):
        return None  # Base.setUpClass() would run with cls=Base: not the subclass's call.
    if [dotted(a) for a in call.args] != [first_param]:
        return None
    return target


def _statement_call(stmt: ast.stmt, method: str) -> ast.Call | None:
    """The call of ``method`` a statement makes: ``x.method()`` as an expression statement,
    or returned (``return super().tearDown()``, which returns None)."""
    if not isinstance(stmt, (ast.Expr, ast.Return)) or not isinstance(stmt.value, ast.Call):
        return None
    func = stmt.value.func
    if isinstance(func, ast.Attribute) and func.attr == method:
        return stmt.value
    return None


def names_in(node: ast.AST) -> set[str]:
    """Every name (``ast.Name``) in ``node``, nested scopes included."""
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
