"""Small libcst helpers shared by the lifecycle transforms.

What it does: reads dotted names, lists a suite's statements, recognises parent calls
(``super().setUp()``, ``super(Cls, self).setUp()``, ``Base.setUp(self)``) and makes the few
nodes the fixtures need.
Why: every lifecycle level (function, class, module) needs the same pieces; one copy keeps
them identical.
Example: ``statements(def_.body)`` gives a list of statements for an indented block and for a
one-line ``def setUp(self): pass`` alike.
Refuses when: never.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

import libcst as cst
import libcst.matchers as m


class TransformMismatch(Exception):
    """The code is not shaped as the plan said: an internal error, never a silent rewrite."""


def cst_dotted(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        inner = cst_dotted(node.value)
        return None if inner is None else f"{inner}.{node.attr.value}"
    return None


def statements(suite: cst.BaseSuite) -> list[cst.BaseStatement]:
    """The statements of a block; a one-line suite becomes one statement line."""
    if isinstance(suite, cst.IndentedBlock):
        return list(suite.body)
    if isinstance(suite, cst.SimpleStatementSuite):
        return [cst.SimpleStatementLine(body=suite.body)]
    raise TransformMismatch(f"unexpected suite {type(suite).__name__}")


def block(
    stmts: Sequence[cst.BaseStatement], like: cst.BaseSuite | None = None
) -> cst.IndentedBlock:
    """An indented block of ``stmts`` (``pass`` when empty), keeping ``like``'s indent."""
    body = list(stmts) or [cst.SimpleStatementLine(body=[cst.Pass()])]
    if isinstance(like, cst.IndentedBlock):
        return like.with_changes(body=body)
    return cst.IndentedBlock(body=body)


def parent_call_spelling(
    small: cst.BaseSmallStatement,
    method: str,
    param: str | None,
    cls_name: str,
    modules: Collection[str] = (),
) -> str | None:
    """``""`` for ``super().method()``/``super(Cls, param).method()``, ``"Base"`` for
    ``Base.method(param)``, None when the statement is no parent call (``modules``: the
    spellings that name a module, as ``astutil.explicit_parent_call``)."""
    if not isinstance(small, (cst.Expr, cst.Return)) or not isinstance(small.value, cst.Call):
        return None
    call = small.value
    func = call.func
    if not isinstance(func, cst.Attribute) or func.attr.value != method:
        return None
    receiver = func.value
    if isinstance(receiver, cst.Call) and cst_dotted(receiver.func) == "super":
        args = [cst_dotted(a.value) for a in receiver.args]
        if call.args or any(a.keyword for a in receiver.args):
            return None
        # ``super(self.__class__, self)`` is ``super()`` where the plan allows it (a class
        # without subclasses: ``SuperCall.dynamic``).
        if not args or args == [cls_name, param] or args == [f"{param}.__class__", param]:
            return ""
        if len(args) == 2 and args[1] == param and args[0] is not None:
            return f"super:{args[0]}"  # super(Other, self): starts after Other
        return None
    target = cst_dotted(receiver)
    if target is None or target == param or param is None or method.endswith("Class"):
        return None
    if target in modules:
        return None
    args = [cst_dotted(a.value) for a in call.args]
    return target if args == [param] and not call.args[0].keyword else None


def is_parent_call(
    small: cst.BaseSmallStatement,
    method: str,
    param: str | None,
    cls_name: str,
    modules: Collection[str] = (),
) -> bool:
    """The statement calls the parent's ``method`` in one of the forms the inline fixture
    replaces (``super().m()``, ``super(Cls, param).m()``, ``Base.m(param)``)."""
    spelled = parent_call_spelling(small, method, param, cls_name, modules)
    return spelled is not None and not spelled.startswith("super:")


def drop_parent_calls(
    stmts: list[cst.BaseStatement],
    method: str,
    param: str | None,
    cls_name: str,
    modules: Collection[str] = (),
) -> list[cst.BaseStatement]:
    """Remove top-level parent calls; their comments move to the next statement."""
    out: list[cst.BaseStatement] = []
    carried: list[cst.EmptyLine] = []
    for stmt in stmts:
        if isinstance(stmt, cst.SimpleStatementLine):
            kept = [s for s in stmt.body if not is_parent_call(s, method, param, cls_name, modules)]
            if not kept:
                carried += list(stmt.leading_lines)
                continue
            if len(kept) != len(stmt.body):
                kept[-1] = kept[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
                stmt = stmt.with_changes(body=kept)
        if carried:
            stmt = with_leading_lines(stmt, carried)
            carried = []
        out.append(stmt)
    return out


def is_docstring(stmt: cst.BaseStatement) -> bool:
    return m.matches(
        stmt, m.SimpleStatementLine(body=[m.Expr(value=m.SimpleString() | m.ConcatenatedString())])
    )


def fixture_decorator(scope: str | None, pytest_name: str = "pytest") -> cst.Decorator:
    """``@pytest.fixture(autouse=True)`` or with ``scope=...`` first, as pytest's docs write it."""
    args: list[cst.Arg] = []
    if scope:
        args.append(
            cst.Arg(
                keyword=cst.Name("scope"),
                value=cst.SimpleString(f'"{scope}"'),
                equal=cst.AssignEqual(
                    whitespace_before=cst.SimpleWhitespace(""),
                    whitespace_after=cst.SimpleWhitespace(""),
                ),
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
            )
        )
    args.append(
        cst.Arg(
            keyword=cst.Name("autouse"),
            value=cst.Name("True"),
            equal=cst.AssignEqual(
                whitespace_before=cst.SimpleWhitespace(""),
                whitespace_after=cst.SimpleWhitespace(""),
            ),
        )
    )
    func = cst.Attribute(value=cst.Name(pytest_name), attr=cst.Name("fixture"))
    return cst.Decorator(decorator=cst.Call(func=func, args=args))


def skip_guard(param: str, pytest_name: str) -> cst.BaseStatement:
    """unittest skips a test whose method a decorator marked ``__unittest_skip__`` before
    setUp runs; a fixture runs first, so it makes the same check."""
    method = f"getattr({param}, {param}._testMethodName)"
    stmt = cst.parse_statement(
        f'if getattr({method}, "__unittest_skip__", False):\n'
        f'    {pytest_name}.skip(getattr({method}, "__unittest_skip_why__", ""))\n'
    )
    note = cst.EmptyLine(
        comment=cst.Comment("# A decorator marked this test skipped: unittest skips before setUp.")
    )
    return stmt.with_changes(leading_lines=[note])


def plain_guard(param: str, plain: str, generator: bool) -> cst.BaseStatement:
    """pytest also collects ``plain`` (a ``Test*`` class that is not a TestCase) and runs
    the fixtures it inherits for its tests, which never ran unittest's setUp: the fixture
    does nothing for them (only TestCase instances have ``_testMethodName``)."""
    leave = "    yield\n    return\n" if generator else "    return\n"
    stmt = cst.parse_statement(f'if not hasattr({param}, "_testMethodName"):\n{leave}')
    note = cst.EmptyLine(
        comment=cst.Comment(
            f"# pytest also collects {plain} as a plain class: its tests ran without setUp."
        )
    )
    return stmt.with_changes(leading_lines=[note])


def yield_line() -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine(body=[cst.Expr(value=cst.Yield())])


def params(names: Sequence[str]) -> cst.Parameters:
    return cst.Parameters(params=[cst.Param(name=cst.Name(n)) for n in names])


def with_leading_lines(
    stmt: cst.BaseStatement, lines: Sequence[cst.EmptyLine]
) -> cst.BaseStatement:
    """``stmt`` with ``lines`` (comments, blank lines) put above its own."""
    if not isinstance(stmt, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
        raise TransformMismatch(f"no leading lines on {type(stmt).__name__}")
    return stmt.with_changes(leading_lines=[*lines, *stmt.leading_lines])


class SameScope:
    """Mixin for visitors and transformers: never enter a nested def, lambda or class.

    Their bodies run later or elsewhere, not as part of the setup being rewritten.
    """

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False


# The compound statements whose blocks run at import time when they stand at module level
# (the same ones the index reads: ``index.module_statements``), and the parts they are made of.
MODULE_BLOCKS = (
    cst.If,
    cst.Else,
    cst.Try,
    cst.ExceptHandler,
    cst.Finally,
    cst.With,
    cst.IndentedBlock,
)


def module_level_classes(body: Sequence[cst.BaseStatement]) -> Iterator[cst.ClassDef]:
    """Class statements of the module and of its module-level if/try/with blocks."""
    for stmt in body:
        if isinstance(stmt, cst.ClassDef):
            yield stmt
        elif isinstance(stmt, (cst.If, cst.Try, cst.With)):
            for suite in _suites(stmt):
                yield from module_level_classes(statements(suite))


def _suites(stmt: cst.If | cst.Try | cst.With) -> Iterator[cst.BaseSuite]:
    yield stmt.body
    if isinstance(stmt, cst.If):
        orelse = stmt.orelse
        if isinstance(orelse, cst.If):
            yield from _suites(orelse)
        elif isinstance(orelse, cst.Else):
            yield orelse.body
    elif isinstance(stmt, cst.Try):
        for handler in stmt.handlers:
            yield handler.body
        if stmt.orelse is not None:
            yield stmt.orelse.body
        if stmt.finalbody is not None:
            yield stmt.finalbody.body


def visit_found(
    node: cst.FunctionDef, replacer: cst.CSTTransformer, wanted: set[Any], where: str
) -> cst.BaseSuite:
    """``node``'s body visited by ``replacer``, which must have found (``replacer.seen``)
    every rewrite the plan read: the plan and the code disagree otherwise, and half a
    rewrite is never written."""
    body = node.body.visit(replacer)
    seen: set[Any] = getattr(replacer, "seen", set())
    if seen != wanted:
        raise TransformMismatch(f"{where}: not found: {sorted(map(str, wanted - seen))}")
    if not isinstance(body, cst.BaseSuite):
        raise TransformMismatch(f"{where}: body removed")
    return body
