"""Build one yield fixture from a setup function and its teardown partner.

What it does: merges ``setUp``+``tearDown`` (or the class or module pair) into
``setup body; yield; teardown body`` (just the setup body when there is nothing to undo),
drops the parent calls that fixture composition
replaces, lifts returns, rewrites cleanup registrations onto an ``ExitStack``, hoists
``global`` statements, and decorates the result with ``@pytest.fixture(..., autouse=True)``.
Why: the three lifecycle levels differ only in scope, first parameter and decorators; the
merge rules are the same and live here once.
Example: see ``transforms.method_lifecycle``, ``class_lifecycle`` and ``module_lifecycle``.
Refuses when: never by itself; the plan decided. A shape that contradicts the plan raises
``TransformMismatch`` (an internal error: the file is left alone).
"""

from __future__ import annotations

import libcst as cst

from transforms.cleanups import rewrite_cleanups
from transforms.cstutil import (
    block,
    drop_parent_calls,
    fixture_decorator,
    is_docstring,
    params,
    plain_guard,
    skip_guard,
    statements,
    with_leading_lines,
    yield_line,
)
from transforms.plan_types import LevelPlan
from transforms.returns import lift_returns
from transforms.temp_paths import rewrite_temp

SCOPES = {"function": None, "class": "class", "module": "module"}


def build_fixture(
    plan: LevelPlan,
    setup: cst.FunctionDef | None,
    teardown: cst.FunctionDef | None,
    cls_name: str,
) -> cst.FunctionDef:
    """The fixture that replaces ``setup`` and ``teardown`` (at least one is given)."""
    base = setup or teardown
    assert base is not None
    setup_stmts = _part(plan, setup, plan.setup, cls_name)
    teardown_stmts = _part(plan, teardown, plan.teardown, cls_name)
    if plan.setup_returns:
        setup_stmts = lift_returns(setup_stmts)
    doc = [setup_stmts.pop(0)] if setup_stmts and is_docstring(setup_stmts[0]) else []
    head: list[cst.BaseStatement] = []
    if setup is not None and teardown is not None:
        # A ``global`` after the name's first use is a SyntaxError: the plan hoists the names
        # that setup did not declare already, and teardown's own statements go.
        teardown_stmts = _without_globals(teardown_stmts)
    if plan.hoist_globals:
        head = [cst.parse_statement(f"global {', '.join(plan.hoist_globals)}")]
    if teardown is not None and setup is not None:
        teardown_stmts = _carry_comments(teardown, teardown_stmts)
    # A fixture with nothing to undo has no bare trailing ``yield`` (ruff PT022): a plain
    # fixture function runs the same setup, and nothing after it.
    undo = bool(teardown_stmts) or bool(plan.stack)
    core: list[cst.BaseStatement] = [
        *setup_stmts,
        *([yield_line()] if undo else []),
        *teardown_stmts,
    ]
    if plan.stack and plan.redirect and plan.param:
        core = [redirect_line(plan.param, plan.stack), *core]
    if plan.stack:
        core = [exit_stack(plan.stack, core, base.body, plan.names[1])]
    if plan.skip_guard and plan.param:
        head = [skip_guard(plan.param, plan.names[0]), *head]
    if plan.plain_guard and plan.param:
        head = [plain_guard(plan.param, plan.plain_guard, undo), *head]
    names = [n for n in (plan.param, *plan.requests) if n]
    return base.with_changes(
        name=cst.Name(plan.fixture),
        params=params(names),
        body=block([*doc, *head, *core], base.body),
        decorators=_decorators(plan, base),
        returns=None,
        asynchronous=None,
    )


def _part(
    plan: LevelPlan, func: cst.FunctionDef | None, method: str | None, cls_name: str
) -> list[cst.BaseStatement]:
    if func is None or method is None:
        return []
    stmts = drop_parent_calls(statements(func.body), method, plan.param, cls_name, plan.modules)
    stmts = rewrite_temp(stmts, plan, setup=method == plan.setup)
    if plan.stack:
        stmts = rewrite_cleanups(stmts, plan.cleanup_api, plan.stack)
    return stmts


def _without_globals(stmts: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    out: list[cst.BaseStatement] = []
    for stmt in stmts:
        if isinstance(stmt, cst.SimpleStatementLine):
            kept = [s for s in stmt.body if not isinstance(s, cst.Global)]
            if not kept:
                continue
            if len(kept) != len(stmt.body):
                kept[-1] = kept[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
                stmt = stmt.with_changes(body=kept)
        out.append(stmt)
    return out


def _carry_comments(
    teardown: cst.FunctionDef, stmts: list[cst.BaseStatement]
) -> list[cst.BaseStatement]:
    """Comments written above ``def tearDown`` move to the top of the teardown part."""
    lines = list(teardown.leading_lines)
    if teardown.decorators:
        lines += list(teardown.decorators[0].leading_lines)
    comments = [line for line in lines if line.comment is not None]
    if not comments or not stmts:
        return stmts
    return [with_leading_lines(stmts[0], comments), *stmts[1:]]


def redirect_line(param: str, stack: str) -> cst.BaseStatement:
    """Cleanups the tests register (``self.addCleanup``, ``self.enterContext``, helpers that
    call them) join the fixture's stack, which closes after the teardown: unittest ran them
    after tearDown too."""
    stmt = cst.parse_statement(f"{param}.addCleanup = {stack}.callback\n")
    note = cst.EmptyLine(
        comment=cst.Comment("# Cleanups registered on the test run after the teardown, as before.")
    )
    return stmt.with_changes(leading_lines=[note])


def exit_stack(
    stack: str, body: list[cst.BaseStatement], like: cst.BaseSuite | None, contextlib_name: str
) -> cst.With:
    call = cst.Call(func=cst.Attribute(value=cst.Name(contextlib_name), attr=cst.Name("ExitStack")))
    item = cst.WithItem(item=call, asname=cst.AsName(name=cst.Name(stack)))
    return cst.With(items=[item], body=block(body, like))


def _decorators(plan: LevelPlan, base: cst.FunctionDef) -> list[cst.Decorator]:
    fixture = fixture_decorator(SCOPES[plan.level], plan.names[0])
    kept = list(base.decorators) if plan.level == "class" else []
    if kept:
        # Comments above ``@classmethod`` belong above the whole decorated fixture.
        fixture = fixture.with_changes(leading_lines=kept[0].leading_lines)
        kept[0] = kept[0].with_changes(leading_lines=[])
    return [fixture, *kept]
