"""Method decorators whose wrapper calls the test's lifecycle, and the classes they decorate.

What it does: recognises a lifecycle call written on the instance a decorated method is
bound to (``self.tearDown(); self.setUp()`` in the ``wrapper(self, ...)`` that
``retry_on_failure`` returns), and lists, per module, which module-level classes carry which
method decorators and how often each imported or defined name is read at all.
Why: such a call is a real use of the lifecycle (it reruns the test's setup), but only for
the classes whose methods carry the decorator. Without knowing that, every class the
decorator's module can reach would be refused (pyftpdlib and psutil refuse their whole suite
over one retry decorator). The narrowing holds only when the decorator is read nowhere but
as a method decorator of a module-level class: any other read (``retry(f)(obj)``, an
attribute ``tests.retry``, a rebinding) could hand the wrapper another object.
Example: ``def retry(fun): @functools.wraps(fun) def wrapper(self): ... self.setUp() ...;
return wrapper`` and ``@retry`` on ``T.test_x``: the call reaches T and its subclasses only.
Refuses when: never; ``transforms.reference_plan`` refuses.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from transforms.astutil import decorator_target, dotted, qualify, walk_same_scope
from transforms.bindings import body_functions, resolve

DEFS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True)
class DecoratorUses:
    """How a module reads its method decorators (see the module docstring)."""

    # Qualified decorator (a call's callee for ``@retry(3)``) -> the module-level classes
    # of this module with a method it decorates.
    decorated: Mapping[str, frozenset[str]]
    # Local names read as such a decorator, and how often.
    as_decorator: Mapping[str, int]


def decorator_uses(
    classes: Iterable[tuple[ast.ClassDef, bool]],
    aliases: Mapping[str, str],
    module: str,
    top: frozenset[str],
) -> DecoratorUses:
    """``classes``: each class statement of the module, and whether it is bound at module
    level (a nested class's name is not one the plan can list: its decorator reads are not
    counted as decorator reads, so they stop the narrowing)."""
    decorated: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for node, module_level in classes:
        if not module_level:
            continue
        for func in body_functions(node):
            for decorator in func.decorator_list:
                target = decorator_target(decorator)
                if isinstance(target, ast.Name):
                    counts[target.id] += 1
                qualified = resolve(dotted(target), aliases, module, top)
                if qualified is not None:
                    decorated.setdefault(qualified, set()).add(f"{module}.{node.name}")
    return DecoratorUses({k: frozenset(v) for k, v in decorated.items()}, dict(counts))


def wrapper_receiver(
    node: ast.Attribute, outer: ast.FunctionDef | ast.AsyncFunctionDef, aliases: Mapping[str, str]
) -> bool:
    """Whether ``x.setUp`` (``node``) in the module-level function ``outer`` is written on
    ``x``, the first parameter of the wrapper ``outer`` returns as a method: a def in
    ``outer`` (or in a decorator ``outer`` returns, for ``@retry(3)``) that its parent
    returns by name on every path, decorated with nothing but ``functools.wraps``, and that
    never rebinds ``x``."""
    if not isinstance(node.value, ast.Name):
        return False
    wrapper, parent = _enclosing_def(outer, node)
    if wrapper is None or parent is None or not _returns_only(parent, wrapper.name):
        return False
    if parent is not outer and not (parent in outer.body and _returns_only(outer, parent.name)):
        return False
    params = wrapper.args.posonlyargs + wrapper.args.args
    if not params or params[0].arg != node.value.id:
        return False
    wraps = (qualify(decorator_target(d), aliases) for d in wrapper.decorator_list)
    if any(name != "functools.wraps" for name in wraps):
        return False
    return not any(
        isinstance(n, ast.Name) and n.id == node.value.id and not isinstance(n.ctx, ast.Load)
        for n in walk_same_scope(wrapper.body)
    )


def _enclosing_def(
    outer: ast.FunctionDef | ast.AsyncFunctionDef, node: ast.AST
) -> tuple[ast.FunctionDef | ast.AsyncFunctionDef | None, ast.FunctionDef | ast.AsyncFunctionDef]:
    """(the def of ``outer``'s body, or of a def of its body, whose own statements hold
    ``node``; its parent def). (None, outer) when ``node`` is deeper or in ``outer`` itself."""
    for stmt in outer.body:
        if not isinstance(stmt, DEFS) or not _holds(stmt, node):
            continue
        if _in_own_scope(stmt, node):
            return stmt, outer
        for inner in stmt.body:
            if isinstance(inner, DEFS) and _in_own_scope(inner, node):
                return inner, stmt
    return None, outer


def _holds(func: ast.AST, node: ast.AST) -> bool:
    return any(_is(n, node) for n in ast.walk(func))


def _in_own_scope(func: ast.FunctionDef | ast.AsyncFunctionDef, node: ast.AST) -> bool:
    return any(_is(n, node) for n in walk_same_scope(func.body))


def _is(candidate: ast.AST, node: ast.AST) -> bool:
    """``candidate`` is ``node``, or the call a made-up ``x.setUp`` node stands for:
    ``hasattr(x, "setUp")`` is read as that attribute, at the call's position
    (``module_scan._attribute_builtin``)."""
    if candidate is node:
        return True
    return isinstance(candidate, ast.Call) and (
        getattr(candidate, "lineno", None),
        getattr(candidate, "col_offset", None),
    ) == (getattr(node, "lineno", None), getattr(node, "col_offset", None))


def _returns_only(func: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """Whether every ``return`` of ``func``'s own scope returns the name ``name``, the body
    ends with one, and ``name`` is read nowhere else there (``REGISTRY.append(wrapper)``
    would let other code call the wrapper with any object)."""
    nodes = list(walk_same_scope(func.body))
    returns = [n for n in nodes if isinstance(n, ast.Return)]
    reads = [n for n in nodes if isinstance(n, ast.Name) and n.id == name]
    return (
        bool(returns)
        and isinstance(func.body[-1], ast.Return)
        and all(isinstance(r.value, ast.Name) and r.value.id == name for r in returns)
        and len(reads) == len(returns)
    )
