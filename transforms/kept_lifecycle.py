"""Refused classes left to unittest: switch the converted parents' fixtures off and call
their helpers where unittest called their lifecycle methods.

What it does: for each class of the plan's ``kept`` (see ``transforms.kept_plan``), writes
``_base_setup = None`` at the top of the class body, turns each ``super().setUp()`` statement
of its own ``setUp``/``tearDown`` into a call of the helper ``super()`` reached (statements
that reach a class still run by unittest stay), and adds a ``setUp``/``tearDown`` that calls
the helper of a converted parent for each one the class inherited.
Why: unittest keeps running this class's lifecycle; the code it ran is now in the parents'
helper methods, which no fixture runs for this class.
Example: ``super().setUp()`` -> ``self._base_set_up()``; a class that inherited tearDown
gains ``def tearDown(self): self._base_tear_down()``.
Refuses when: never; see the plan.
"""

from __future__ import annotations

import libcst as cst

from transforms.calls import ParentCalls
from transforms.cstutil import TransformMismatch
from transforms.lifecycle import ModuleClassesTransform, disabling_lines
from transforms.plan_types import KeptPlan

BLANK = cst.EmptyLine(indent=False)
WHY = "unittest runs this class's own lifecycle, which calls its parents': no parent fixture."


class KeptLifecycle(ModuleClassesTransform):
    """Rewrites the classes of ``FilePlan.kept``."""

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.ClassDef:
        plan = self.plan.kept.get(updated_node.name.value)
        if plan is None or id(original_node) not in self.top_level:
            return updated_node
        body = updated_node.body
        if not isinstance(body, cst.IndentedBlock):
            raise TransformMismatch(f"class {updated_node.name.value} has a one-line body")
        statements = [_method(s, plan, updated_node.name.value) for s in body.body]
        if plan.disables:
            at = _after_docstring(statements)
            following = statements[at] if at < len(statements) else None
            if following is not None and not getattr(following, "leading_lines", True):
                statements[at] = following.with_changes(leading_lines=[BLANK])
            statements[at:at] = disabling_lines(plan.disables, WHY)
        statements += [_stub(method, helper) for method, helper in plan.stubs]
        return updated_node.with_changes(body=body.with_changes(body=statements))


def _method(stmt: cst.BaseStatement, plan: KeptPlan, cls_name: str) -> cst.BaseStatement:
    if not isinstance(stmt, cst.FunctionDef):
        return stmt
    method = stmt.name.value
    targets = {spelled: t for m, spelled, t in plan.parent_calls if m == method}
    if not targets:
        return stmt
    first = stmt.params.params[0].name.value if stmt.params.params else "self"
    replacer = ParentCalls(method, first, cls_name, targets, plan.modules)
    body = stmt.body.visit(replacer)
    if replacer.seen != set(targets) or not isinstance(body, cst.BaseSuite):
        raise TransformMismatch(f"{cls_name}.{method}: planned parent calls not found")
    return stmt.with_changes(body=body)


def _stub(method: str, helper: str) -> cst.FunctionDef:
    code = f"def {method}(self):\n    self.{helper}()\n"
    stub = cst.parse_statement(code)
    assert isinstance(stub, cst.FunctionDef)
    return stub.with_changes(leading_lines=[BLANK])


def _after_docstring(body: list[cst.BaseStatement]) -> int:
    first = body[0] if body else None
    if isinstance(first, cst.SimpleStatementLine) and len(first.body) == 1:
        small = first.body[0]
        if isinstance(small, cst.Expr) and isinstance(
            small.value, (cst.SimpleString, cst.ConcatenatedString)
        ):
            return 1
    return 0
