"""Pure CST rewrites that move unittest lifecycles onto pytest fixtures.

``PIPELINE`` is the explicit, ordered list of transforms; ``rewrite`` runs it over one
module's source text for a ``FilePlan`` computed by ``transforms.run_plan`` and returns the new
text with what was converted. Nothing here reads or writes files, or prints.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.codemod import CodemodContext

from transforms.call_sites import CallSites
from transforms.class_lifecycle import ClassLifecycle
from transforms.imports import add_imports, remove_unused_temp_imports
from transforms.kept_lifecycle import KeptLifecycle
from transforms.lifecycle import CONVERTED, PlanTransform
from transforms.method_lifecycle import MethodLifecycle
from transforms.module_lifecycle import ModuleLifecycle
from transforms.plan_types import FilePlan
from transforms.printing import ModulePrinter
from transforms.relays import RELAYS, Relays
from transforms.skip_marks import MARKS, SkipMarks

# Order matters only for readability of the diff: each transform touches its own nodes.
PIPELINE: tuple[type[PlanTransform], ...] = (
    ModuleLifecycle,
    ClassLifecycle,
    MethodLifecycle,
    KeptLifecycle,
    Relays,
    CallSites,
    SkipMarks,
)


@dataclass(frozen=True)
class Rewrite:
    """The outcome of running the pipeline on one module."""

    code: str
    converted: tuple[tuple[str, str], ...]


def rewrite_module(module: cst.Module, plan: FilePlan) -> Rewrite:
    """Run ``PIPELINE`` over a parsed module; the plan says what to convert."""
    context = CodemodContext(filename=plan.path)
    printer = ModulePrinter()
    for transform in PIPELINE:
        module = module.visit(transform(context, plan))
    converted = tuple(context.scratch.get(CONVERTED, []))
    wrote = bool(converted) or bool(context.scratch.get(MARKS)) or RELAYS in context.scratch
    needed = [("contextlib", plan.contextlib_name)] if plan.needs_contextlib else []
    needed += [("pytest", plan.pytest_name)] if wrote else []
    if plan.moves_temp_paths:
        module = remove_unused_temp_imports(module, plan.temp_reads, printer)
    module = add_imports(module, needed, plan.path)
    return Rewrite(code=printer.code(module), converted=converted)
