"""Calls of a lifecycle method from another method, pointed at the helper they reach.

What it does: for each entry of the plan's ``call_sites`` (see ``Planner.call_sites``), in
the named method of the named top-level class, replaces each statement
``super().setUp()`` (or ``self.setUp()``) by the call of the calls-style helper that the
call reached (``self._base_set_up()``).
Why: a test that runs its parent's setUp again (``super().setUp()`` in the test body) would
otherwise reach ``TestCase.setUp``, a no-op, once the parent's setUp became a helper; the
helper holds the same statements, so the test runs the same code.
Example::

    class Organization(Framework.TestCase):       class Organization(Framework.TestCase):
        def test_project(self):             ->        def test_project(self):
            super().setUp()                                self._test_case_set_up()

Refuses when: never; the plan decided (a call that reaches different classes for different
test classes, or a class not written in calls style, refuses there, MF110).
"""

from __future__ import annotations

import libcst as cst

from transforms.cstutil import SameScope, TransformMismatch, visit_found
from transforms.lifecycle import ModuleClassesTransform


class CallSites(ModuleClassesTransform):
    """Rewrites the calls of ``FilePlan.call_sites``."""

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.ClassDef:
        name = updated_node.name.value
        sites = [s for s in self.plan.call_sites if s[0] == name]
        if not sites or id(original_node) not in self.top_level:
            return updated_node
        body = updated_node.body
        if not isinstance(body, cst.IndentedBlock):
            raise TransformMismatch(f"class {name} has a one-line body")
        out: list[cst.BaseStatement] = []
        for stmt in body.body:
            if isinstance(stmt, cst.FunctionDef):
                own = [s[1:] for s in sites if s[1] == stmt.name.value]
                stmt = _rewrite_method(stmt, own, name)
            out.append(stmt)
        return updated_node.with_changes(body=body.with_changes(body=out))


def _rewrite_method(
    node: cst.FunctionDef, sites: list[tuple[str, str, str, str]], cls_name: str
) -> cst.FunctionDef:
    if not sites:
        return node
    first = node.params.params[0].name.value if node.params.params else None
    if first is None:
        raise TransformMismatch(f"{node.name.value} has no first parameter")
    targets = {(via, method): helper for _m, via, method, helper in sites}
    replacer = _Calls(first, targets, cls_name)
    body = visit_found(node, replacer, set(targets), f"{node.name.value}: lifecycle calls")
    return node.with_changes(body=body)


class _Calls(SameScope, cst.CSTTransformer):
    """Replaces ``super().m()`` / ``self.m()`` expression statements in one method body."""

    def __init__(self, first: str, targets: dict[tuple[str, str], str], cls_name: str) -> None:
        super().__init__()
        self.first, self.targets, self.cls_name = first, targets, cls_name
        self.seen: set[tuple[str, str]] = set()

    def leave_Expr(self, original_node: cst.Expr, updated_node: cst.Expr) -> cst.Expr:
        call = updated_node.value
        if not (isinstance(call, cst.Call) and not call.args):
            return updated_node
        func = call.func
        if not isinstance(func, cst.Attribute):
            return updated_node
        key = (_receiver(func.value, self.first, self.cls_name), func.attr.value)
        helper = self.targets.get(key) if key[0] else None
        if helper is None:
            return updated_node
        self.seen.add(key)
        new = cst.Attribute(value=cst.Name(self.first), attr=cst.Name(helper))
        return updated_node.with_changes(value=call.with_changes(func=new))


def _receiver(value: cst.BaseExpression, first: str, cls_name: str) -> str:
    """ "self" for the method's first parameter, "super" for ``super()`` or ``super(Cls,
    self)`` naming the class ``cls_name`` (as ``index._call_site`` reads them), "" otherwise."""
    if isinstance(value, cst.Name) and value.value == first:
        return "self"
    if not (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == "super"
    ):
        return ""
    args = [a.value for a in value.args if a.keyword is None and not a.star]
    if len(args) != len(value.args):
        return ""
    spelled = [a.value if isinstance(a, cst.Name) else None for a in args]
    return "super" if spelled in ([], [cls_name, first]) else ""
