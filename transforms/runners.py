"""Where a module hands its classes to unittest's own runner or loader.

What it does: finds ``run_unittest(C)``, ``unittest.TextTestRunner().run(suite)`` and the
like outside ``load_tests`` functions and ``__main__`` blocks.
Why: a class that unittest runs itself would run its tests without the fixtures pytest
provides; such a class is refused rather than converted.
Example: ``support.run_unittest(MyTest)`` at module level names ``MyTest``.
Refuses when: never; the plan refuses such a class (MF123).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping

from transforms.bindings import resolve
from transforms.facts import dotted

RUNNER_CALLS = frozenset({"run_unittest", "loadTestsFromTestCase", "makeSuite"})
# The loaders only build a suite (zope's ``test_suite()`` returns one, and pytest never runs
# it): they count where the same function runs something (``runner.run(suite)``).
LOADER_CALLS = frozenset({"loadTestsFromTestCase", "makeSuite"})
RUNNING_CALLS = frozenset({"run", "debug", "run_unittest", "runTests"})
RUNNER_WORDS = re.compile(r"run_unittest|loadTestsFromTestCase|makeSuite")


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
