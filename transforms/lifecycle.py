"""The shared machinery of the class-level lifecycle transforms.

What it does: finds the top-level classes the plan converts, locates their setup and
teardown definitions, replaces the setup (or, when there is none, the teardown) by the
fixture built by ``transforms.fixtures``, removes the partner, and in "override" mode writes
``_parent_setup = None`` above it so that the parents' fixtures do not run.
Why: ``setUp``/``tearDown`` and ``setUpClass``/``tearDownClass`` differ only in level.
Example: see ``transforms.method_lifecycle``.
Refuses when: never; see the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import libcst as cst
from libcst.codemod import CodemodContext

from transforms.calls import rewrite_calls_body
from transforms.cstutil import MODULE_BLOCKS, TransformMismatch, module_level_classes
from transforms.fixtures import build_fixture
from transforms.plan_types import FilePlan, LevelPlan

CONVERTED = "converted"


def record(context: CodemodContext, where: str, plan: LevelPlan) -> None:
    """Count what was converted: one entry per lifecycle method moved into a fixture."""
    entries: list[tuple[str, str]] = context.scratch.setdefault(CONVERTED, [])
    for method in (plan.setup, plan.teardown):
        if method:
            entries.append((where, method))


# Longest switch-off line kept as one chained assignment, its class-body indent included
# (ruff's and black's default line length); a longer one gets a line per name.
SWITCH_OFF_WIDTH = 88


def disabling_lines(names: tuple[str, ...], why: str) -> list[cst.SimpleStatementLine]:
    """``_a_setup = _b_setup = None`` with a comment that says why; ``_a_setup = None``,
    ``_b_setup = None``, ... when one line would be longer than ``SWITCH_OFF_WIDTH``."""
    chained = f"{' = '.join(names)} = None"
    texts = [chained] if len(chained) + 4 <= SWITCH_OFF_WIDTH else [f"{n} = None" for n in names]
    lines = []
    for text in texts:
        line = cst.parse_statement(text)
        assert isinstance(line, cst.SimpleStatementLine)
        lines.append(line)
    note = cst.EmptyLine(comment=cst.Comment(f"# {why}"))
    return [lines[0].with_changes(leading_lines=[note]), *lines[1:]]


def why_disabled(plan: LevelPlan) -> str:
    if plan.calls:
        return "The methods below call their parents' own: the parent fixtures must not run."
    method = plan.setup or plan.teardown or ""
    return f"{method} does not call super(): the parent fixtures must not run."


def find_pair(
    body: Sequence[cst.BaseStatement], plan: LevelPlan, where: str
) -> tuple[cst.FunctionDef | None, cst.FunctionDef | None]:
    """The planned setup and teardown definitions among ``body``'s statements."""
    found = {
        s.name.value: s
        for s in body
        if isinstance(s, cst.FunctionDef) and s.name.value in (plan.setup, plan.teardown)
    }
    setup = found.get(plan.setup) if plan.setup else None
    teardown = found.get(plan.teardown) if plan.teardown else None
    if (plan.setup and setup is None) or (plan.teardown and teardown is None):
        raise TransformMismatch(f"{where} lacks a planned lifecycle function")
    return setup, teardown


class PlanTransform(cst.CSTTransformer):
    """A transform of the pipeline: a plain ``CSTTransformer`` given the plan and the context.

    Not libcst's ``ContextAwareTransformer``: its matcher machinery inspects every method
    on each instantiation, which costs more than the rewrite of a typical file; these
    transforms use no decorated matchers.
    """

    def __init__(self, context: CodemodContext, plan: FilePlan) -> None:
        super().__init__()
        self.context = context
        self.plan = plan


class ModuleClassesTransform(PlanTransform):
    """A transform of the classes that run at import time (``module_level_classes``)."""

    def __init__(self, context: CodemodContext, plan: FilePlan) -> None:
        super().__init__(context, plan)
        self.top_level: set[int] = set()

    def on_visit(self, node: cst.CSTNode) -> bool:
        # Only statements that run at import time matter (the module's own, and those of its
        # if/try/with blocks): never walk into class or function bodies (a full traversal of
        # a large test module costs more than the rest of the rewrite).
        if isinstance(node, cst.Module):
            self.top_level = {id(s) for s in module_level_classes(node.body)}
            return True
        return isinstance(node, MODULE_BLOCKS)


class ClassLifecycleTransform(ModuleClassesTransform):
    """Converts one lifecycle level of every planned top-level class."""

    LEVEL: ClassVar[str]

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.ClassDef:
        if id(original_node) not in self.top_level:
            return updated_node
        plans = [
            p for p in self.plan.classes.get(updated_node.name.value, ()) if p.level == self.LEVEL
        ]
        if not plans:
            return updated_node
        plan = plans[0]
        record(self.context, updated_node.name.value, plan)
        return updated_node.with_changes(body=self._rewrite_body(updated_node, plan))

    def _rewrite_body(self, node: cst.ClassDef, plan: LevelPlan) -> cst.BaseSuite:
        body = node.body
        if not isinstance(body, cst.IndentedBlock):
            raise TransformMismatch(f"class {node.name.value} has a one-line body")
        if plan.calls:
            off = disabling_lines(plan.disables, why_disabled(plan)) if plan.disables else []
            return body.with_changes(body=rewrite_calls_body(body.body, plan, node.name.value, off))
        setup, teardown = find_pair(body.body, plan, f"class {node.name.value}")
        fixture = build_fixture(plan, setup, teardown, node.name.value)
        anchor = setup or teardown
        out: list[cst.BaseStatement] = []
        for stmt in body.body:
            if stmt is anchor:
                if plan.disables:
                    out += disabling_lines(plan.disables, why_disabled(plan))
                out.append(fixture)
            elif stmt is not setup and stmt is not teardown:
                out.append(stmt)
        if not out:
            raise TransformMismatch("empty class body")
        return body.with_changes(body=out)
