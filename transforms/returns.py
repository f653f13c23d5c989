"""Lift ``return`` out of a setup so that the fixture still reaches its single ``yield``.

What it does: in the setup part of a fixture, a bare ``return`` that ends a branch of a
top-level ``if`` becomes control flow: the statements after the ``if`` move into the branch
that falls through. A top-level ``return`` drops the dead code after it.
Why: a ``return`` before ``yield`` would end the generator without yielding, which pytest
reports as an error; unittest simply went on to run the test.
Example::

    def setUp(self):                 @pytest.fixture(autouse=True)
        if not HAVE_DB:              def _db_tests_setup(self):
            return                       if not HAVE_DB:
        self.db = connect()    ->            pass
                                         else:
                                             self.db = connect()
                                         yield

(``if c: return`` with nothing else in the branch becomes ``if not c:`` over the rest.)
Refuses when: the index already refused (``MF109``) returns inside loops, ``with``, ``try``,
``elif`` chains or returning a value; reaching one here is an internal error.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
import libcst.matchers as m

from transforms.cstutil import SameScope, TransformMismatch, block, statements

_SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef)


class _ReturnFinder(SameScope, cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def visit_Return(self, node: cst.Return) -> bool:
        self.found = True
        return False


def has_return(stmts: Sequence[cst.CSTNode]) -> bool:
    finder = _ReturnFinder()
    for stmt in stmts:
        if isinstance(stmt, _SCOPES):
            continue
        stmt.visit(finder)
    return finder.found


def lift_returns(stmts: Sequence[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """The same statements with every liftable ``return`` turned into control flow."""
    out: list[cst.BaseStatement] = []
    for index, stmt in enumerate(stmts):
        if not has_return([stmt]):
            out.append(stmt)
            continue
        if isinstance(stmt, cst.SimpleStatementLine):
            kept = _before_return(stmt)
            if kept is not None:
                out.append(kept)
            return out  # what follows a top-level return never ran
        if not isinstance(stmt, cst.If):
            raise TransformMismatch("return inside a compound statement other than if")
        out.append(_lift_if(stmt, list(stmts[index + 1 :])))
        return out
    return out


def _before_return(line: cst.SimpleStatementLine) -> cst.SimpleStatementLine | None:
    body = list(line.body)
    position = next(i for i, s in enumerate(body) if isinstance(s, cst.Return))
    ret = body[position]
    assert isinstance(ret, cst.Return)
    if ret.value is not None and not m.matches(ret.value, m.Name("None")):
        raise TransformMismatch("return with a value in a setup")
    kept = body[:position]
    if not kept:
        return None
    kept[-1] = kept[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    return line.with_changes(body=kept)


def _branch(
    stmts: list[cst.BaseStatement], rest: list[cst.BaseStatement]
) -> list[cst.BaseStatement]:
    """A branch that returns loses its return; one that falls through gains ``rest``."""
    if has_return(stmts):
        if not has_return(stmts[-1:]) or not isinstance(stmts[-1], cst.SimpleStatementLine):
            raise TransformMismatch("return is not the last statement of its branch")
        return lift_returns(stmts)
    return stmts + lift_returns(rest)


def _lift_if(node: cst.If, rest: list[cst.BaseStatement]) -> cst.If:
    body = _branch(statements(node.body), rest)
    orelse = node.orelse
    if isinstance(orelse, cst.If):
        if has_return([orelse]):
            raise TransformMismatch("return inside an elif chain")
        else_stmts = _branch([orelse.with_changes()], rest)
    elif isinstance(orelse, cst.Else):
        else_stmts = _branch(statements(orelse.body), rest)
    else:
        else_stmts = lift_returns(rest)
    if not body and else_stmts:
        return node.with_changes(
            test=negate(node.test), body=block(else_stmts, node.body), orelse=None
        )
    new_else = None
    if else_stmts:
        like = orelse.body if isinstance(orelse, cst.Else) else node.body
        new_else = cst.Else(body=block(else_stmts, like))
    return node.with_changes(body=block(body, node.body), orelse=new_else)


def negate(test: cst.BaseExpression) -> cst.BaseExpression:
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return (
            test.expression.with_changes(lpar=[], rpar=[])
            if _atomic(test.expression)
            else test.expression
        )
    if not _atomic(test):
        test = test.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return cst.UnaryOperation(operator=cst.Not(), expression=test)


def _atomic(expr: cst.BaseExpression) -> bool:
    return isinstance(
        expr, (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.Comparison)
    ) or bool(getattr(expr, "lpar", None))
