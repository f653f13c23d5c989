"""unittest skip decorators on test methods -> pytest skip marks, where a fixture now runs first.

What it does: in classes whose tests run under a converted function-scoped fixture,
``@unittest.skip(reason)`` becomes ``@pytest.mark.skip(reason=reason)``,
``@unittest.skipIf(cond, reason)`` becomes ``@pytest.mark.skipif(cond, reason=reason)`` and
``@unittest.skipUnless(cond, reason)`` becomes ``@pytest.mark.skipif(not cond, reason=reason)``.
Why: unittest decides a decorated skip before it calls setUp; pytest sets an autouse fixture
up before unittest's run even starts, so the converted setup would run (and could fail) for
a test that never ran its setUp before. pytest evaluates skip marks before any fixture.
Example: ``@unittest.skipIf(sys.platform == "win32", "posix only")`` ->
``@pytest.mark.skipif(sys.platform == "win32", reason="posix only")``.
Refuses when: never; a form it does not recognise (a string condition, which pytest would
evaluate as code; extra arguments; a custom skip decorator) is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from transforms.cstutil import MODULE_BLOCKS, cst_dotted
from transforms.lifecycle import PlanTransform
from transforms.returns import negate

MARKS = "skip_marks"


class SkipMarks(PlanTransform):
    """Rewrites skip decorators of test methods in the plan's ``skip_classes``."""

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.Module):
            return bool(self.plan.skip_classes)  # most modules: nothing to walk at all
        # Classes of module-level if/try/with blocks are planned like top-level ones.
        return isinstance(node, (cst.ClassDef, *MODULE_BLOCKS))

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.ClassDef:
        if updated_node.name.value not in self.plan.skip_classes:
            return updated_node
        body = updated_node.body
        if not isinstance(body, cst.IndentedBlock):
            return updated_node
        # A test defined in an if/try block of the class body is a test all the same.
        methods = _BodyMethods(self._method)
        new = [s.visit(methods) for s in body.body]
        return updated_node.with_changes(body=body.with_changes(body=new))

    def _method(self, node: cst.FunctionDef) -> cst.FunctionDef:
        if not node.name.value.startswith("test"):
            return node
        decorators = [self._decorator(d) for d in node.decorators]
        return node.with_changes(decorators=decorators)

    def _decorator(self, decorator: cst.Decorator) -> cst.Decorator:
        call = decorator.decorator
        if not isinstance(call, cst.Call):
            return decorator
        kind = self.plan.skip_spellings.get(cst_dotted(call.func) or "")
        mark = _mark(kind, call, self.plan.pytest_name) if kind else None
        if mark is None:
            return decorator
        self.context.scratch[MARKS] = self.context.scratch.get(MARKS, 0) + 1
        return decorator.with_changes(decorator=mark)


class _BodyMethods(cst.CSTTransformer):
    """Applies ``edit`` to the def statements of one class body statement: the statement
    itself or the defs in its if/try/with blocks, not those nested in a def or a class."""

    def __init__(self, edit: Callable[[cst.FunctionDef], cst.FunctionDef]) -> None:
        super().__init__()
        self.edit = edit

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def leave_FunctionDef(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.FunctionDef:
        return self.edit(updated_node)


def _mark(kind: str, call: cst.Call, pytest_name: str = "pytest") -> cst.Call | None:
    args = list(call.args)
    if any(a.star for a in args):
        return None
    positional = [a for a in args if a.keyword is None]
    keywords = {a.keyword.value: a for a in args if a.keyword is not None}
    wanted = ("reason",) if kind == "skip" else ("condition", "reason")
    values: dict[str, cst.BaseExpression] = {}
    if len(positional) > len(wanted):
        return None
    for name, arg in zip(wanted, positional, strict=False):
        values[name] = arg.value
    for name, arg in keywords.items():
        if name not in wanted or name in values:
            return None
        values[name] = arg.value
    if set(values) != set(wanted):
        return None
    reason = cst.Arg(keyword=cst.Name("reason"), value=values["reason"], equal=_equal())
    if kind == "skip":
        return _mark_call("skip", [reason], pytest_name)
    condition = values["condition"]
    if isinstance(condition, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return None  # pytest would evaluate a string condition as code
    if kind == "skipUnless":
        condition = negate(condition)
    return _mark_call("skipif", [cst.Arg(value=condition), reason], pytest_name)


def _equal() -> cst.AssignEqual:
    empty = cst.SimpleWhitespace("")
    return cst.AssignEqual(whitespace_before=empty, whitespace_after=empty)


def _mark_call(name: str, args: list[cst.Arg], pytest_name: str) -> cst.Call:
    mark = cst.Attribute(value=cst.Name(pytest_name), attr=cst.Name("mark"))
    func = cst.Attribute(value=mark, attr=cst.Name(name))
    return cst.Call(func=func, args=args)
