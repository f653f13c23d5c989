"""Write a calls-style class: helper methods under new names, and a fixture that calls them.

What it does: in the body of a class planned in calls style (``transforms.calls_plan``),
renames each own lifecycle method (``def setUp`` -> ``def _child_set_up``), binding
(``setUp = helper`` -> ``_child_set_up = helper``, ``tearDown = setUp`` ->
``_child_tear_down = _child_set_up``) or class-level import (``from m import setUp`` ->
``from m import setUp as _child_set_up``); replaces each parent call statement in those
methods (``super().setUp()``, ``Base.setUp(self)``) by the call of the helper it reaches, or
drops it when it reaches ``TestCase``; and puts the fixture, with the line that switches the
parents' fixtures off, where the first lifecycle method stood.
Why: see ``transforms.calls_plan``: the helpers keep every statement where it was.
Example: see ``transforms.calls_plan``.
Refuses when: never; the plan decided. A shape that contradicts the plan raises
``TransformMismatch``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import libcst as cst

from transforms.calls_plan import KEEP
from transforms.cstutil import (
    SameScope,
    TransformMismatch,
    block,
    cst_dotted,
    fixture_decorator,
    params,
    parent_call_spelling,
    plain_guard,
    skip_guard,
    visit_found,
    yield_line,
)
from transforms.fixtures import exit_stack, redirect_line
from transforms.plan_types import LevelPlan


class ParentCalls(SameScope, cst.CSTTransformer):
    """Replaces parent call statements in one method body (nested scopes stay)."""

    def __init__(
        self,
        method: str,
        param: str,
        cls_name: str,
        targets: Mapping[str, str],
        modules: Collection[str] = (),
    ) -> None:
        super().__init__()
        self.method, self.param, self.cls_name, self.targets = method, param, cls_name, targets
        self.modules = modules
        self.seen: set[str] = set()

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.SimpleStatementLine | cst.RemovalSentinel:
        body: list[cst.BaseSmallStatement] = []
        for small in updated_node.body:
            spelled = parent_call_spelling(
                small, self.method, self.param, self.cls_name, self.modules
            )
            if spelled is None:
                body.append(small)
                continue
            if spelled not in self.targets:
                raise TransformMismatch(f"unplanned parent call {spelled or 'super()'}")
            self.seen.add(spelled)
            helper = self.targets[spelled]
            if helper == KEEP:
                body.append(small)
            elif helper:
                call = cst.parse_expression(f"{self.param}.{helper}()")
                body.append(small.with_changes(value=call))
            elif isinstance(small, cst.Return):
                # It still ends the method.
                bare = small.with_changes(
                    value=None, whitespace_after_return=cst.MaybeSentinel.DEFAULT
                )
                body.append(bare)
        if not body:
            return cst.RemoveFromParent()
        body[-1] = body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        return updated_node.with_changes(body=body)

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        if updated_node.body:
            return updated_node
        return updated_node.with_changes(body=[cst.SimpleStatementLine(body=[cst.Pass()])])


def _helper_def(
    node: cst.FunctionDef, helper: str, plan: LevelPlan, cls_name: str
) -> cst.FunctionDef:
    method = node.name.value
    first = node.params.params[0].name.value if node.params.params else plan.param or "self"
    targets = {spelled: target for m, spelled, target in plan.parent_calls if m == method}
    replacer = ParentCalls(method, first, cls_name, targets, plan.modules)
    body = visit_found(node, replacer, set(targets), f"{cls_name}.{method}: parent calls")
    return node.with_changes(name=cst.Name(helper), body=body)


def _renamed_binding(
    stmt: cst.SimpleStatementLine, renames: Mapping[str, str], bound: set[str]
) -> cst.SimpleStatementLine | None:
    """The statement with its lifecycle binding renamed, or None if it binds none. A name
    read on the right (``tearDown = setUp``) is renamed only when the class body bound it
    above (``bound``): otherwise it reads the module's global (``tearDown = tearDown``)."""
    if len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    if isinstance(small, cst.Assign) and len(small.targets) == 1:
        target = small.targets[0].target
        if isinstance(target, cst.Name) and target.value in renames:
            value = small.value
            if isinstance(value, cst.Name) and value.value in renames and value.value in bound:
                value = cst.Name(renames[value.value])
            new_target = small.targets[0].with_changes(target=cst.Name(renames[target.value]))
            return stmt.with_changes(body=[small.with_changes(targets=[new_target], value=value)])
    if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
        names = list(small.names)
        changed = False
        for index, alias in enumerate(names):
            name = cst_dotted(alias.asname.name) if alias.asname else cst_dotted(alias.name)
            if name is not None and name in renames:
                asname = cst.AsName(name=cst.Name(renames[name]))
                names[index] = alias.with_changes(asname=asname)
                changed = True
        return stmt.with_changes(body=[small.with_changes(names=names)]) if changed else None
    return None


def _binds_name(stmt: cst.SimpleStatementLine, name: str) -> bool:
    small = stmt.body[0]
    if isinstance(small, cst.Assign):
        return any(cst_dotted(t.target) == name for t in small.targets)
    if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
        return any(cst_dotted(a.asname.name if a.asname else a.name) == name for a in small.names)
    return False


def _fixture(plan: LevelPlan) -> cst.FunctionDef:
    param = plan.param or "self"
    head: list[cst.BaseStatement] = []
    if plan.skip_guard:
        head.append(skip_guard(param, plan.names[0]))
    body: list[cst.BaseStatement] = []
    if plan.redirect and plan.stack:
        body.append(redirect_line(param, plan.stack))
    setup, teardown = plan.entries
    if setup:
        body.append(cst.parse_statement(f"{param}.{setup}()"))
    generator = bool(teardown or plan.stack)
    if generator:  # without one, no bare trailing yield (ruff PT022)
        body.append(yield_line())
    if teardown:
        body.append(cst.parse_statement(f"{param}.{teardown}()"))
    if plan.stack:
        body = [exit_stack(plan.stack, body, None, plan.names[1])]
    if plan.plain_guard:
        head.insert(0, plain_guard(param, plan.plain_guard, generator))
    body = [*head, *body]
    scope = None if plan.level == "function" else plan.level
    decorators = [fixture_decorator(scope, plan.names[0])]
    if plan.level == "class":
        decorators.append(cst.Decorator(decorator=cst.Name("classmethod")))
    return cst.FunctionDef(
        name=cst.Name(plan.fixture),
        params=params([param]),
        body=block(body),
        decorators=decorators,
    )


def _fixture_lines(
    plan: LevelPlan,
    lead: Sequence[cst.EmptyLine],
    disabling: Sequence[cst.SimpleStatementLine],
) -> list[cst.BaseStatement]:
    """The fixture (after the disabling lines, if any), taking the lines above the first
    lifecycle method (its comments)."""
    fixture = _fixture(plan)
    if not disabling:
        return [fixture.with_changes(leading_lines=lead)]
    first, *rest = disabling
    lines = [*lead, *first.leading_lines]
    return [
        first.with_changes(leading_lines=lines),
        *rest,
        fixture.with_changes(leading_lines=[cst.EmptyLine(indent=False)]),
    ]


def rewrite_calls_body(
    stmts: Sequence[cst.BaseStatement],
    plan: LevelPlan,
    cls_name: str,
    disabling: Sequence[cst.SimpleStatementLine],
) -> list[cst.BaseStatement]:
    """The class body with the plan's lifecycle methods turned into helpers and the fixture
    put before the first of them."""
    renames = dict(plan.helpers)
    out: list[cst.BaseStatement] = []
    placed = False
    bound: set[str] = set()
    for stmt in stmts:
        new: cst.FunctionDef | cst.SimpleStatementLine | None = None
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value in renames:
            new = _helper_def(stmt, renames[stmt.name.value], plan, cls_name)
            bound.add(stmt.name.value)
        elif isinstance(stmt, cst.SimpleStatementLine):
            new = _renamed_binding(stmt, renames, bound)
            bound.update(n for n in renames if new is not None and _binds_name(stmt, n))
        if new is None:
            out.append(stmt)
            continue
        if not placed:
            out += _fixture_lines(plan, new.leading_lines, disabling)
            new = new.with_changes(leading_lines=[cst.EmptyLine(indent=False)])
            placed = True
        out.append(new)
    if not placed:
        raise TransformMismatch(f"class {cls_name} lacks its lifecycle methods")
    return out
