"""Add ``import pytest`` / ``import contextlib`` through libcst's ``AddImportsVisitor``, and
take out ``shutil``/``tempfile`` imports the temporary-path rewrites left unused.

What it does: schedules the imports the fixtures need and lets ``AddImportsVisitor`` place
them after the module's leading import block, never twice. ``RemoveImportsVisitor`` removes
an import only when scope analysis finds no other use of it in the module.
Why: ``AddImportsVisitor`` only reads and edits that leading block (docstring, imports), but
run on a whole module it copies the tree for metadata and walks every node, which costs
several times a plain parse on a large test module. Running it on a module made of the
leading block alone gives the same edit at a fraction of the cost.
Example: a module starting ``import unittest`` gains ``import pytest`` right after it.
Refuses when: never.
"""

from __future__ import annotations

from collections.abc import Iterable

import libcst as cst
import libcst.matchers as m
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor

_IMPORT_LINE = m.SimpleStatementLine(body=[m.Import() | m.ImportFrom()])
_DOCSTRING = m.SimpleStatementLine(body=[m.Expr(value=m.SimpleString() | m.ConcatenatedString())])


def _leading_block(body: Iterable[cst.BaseStatement]) -> int:
    """How many statements make up the docstring + leading import block."""
    count = 0
    for index, stmt in enumerate(body):
        if (index == 0 and m.matches(stmt, _DOCSTRING)) or m.matches(stmt, _IMPORT_LINE):
            count += 1
        else:
            break
    return count


def add_imports(
    module: cst.Module, names: Iterable[str], filename: str | None = None
) -> cst.Module:
    """``module`` with ``import name`` for each of ``names`` it does not import at the top."""
    context = CodemodContext(filename=filename)
    wanted = list(names)
    if not wanted:
        return module
    for name in wanted:
        AddImportsVisitor.add_needed_import(context, name)
    split = _leading_block(module.body)
    head = module.with_changes(body=module.body[:split], footer=[])
    new_head = AddImportsVisitor(context).transform_module(head)
    return module.with_changes(header=new_head.header, body=[*new_head.body, *module.body[split:]])


# What the temporary-path rewrites may leave unused: ``shutil.rmtree`` dropped, and
# ``tempfile.mkdtemp()``/``TemporaryDirectory``/``gettempdir()`` replaced by a pytest path.
TEMP_IMPORTS: tuple[tuple[str, str | None, str | None], ...] = (
    ("shutil", None, None),
    ("shutil", "rmtree", None),
    ("tempfile", None, None),
    ("tempfile", "mkdtemp", None),
    ("tempfile", "TemporaryDirectory", None),
    ("tempfile", "gettempdir", None),
)


def remove_unused_temp_imports(module: cst.Module, filename: str | None = None) -> cst.Module:
    """``module`` without the ``TEMP_IMPORTS`` nothing uses any more.

    Scope analysis is the expensive metadata (DESIGN.md section 6): it runs only on modules
    whose temporary paths were rewritten.
    """
    context = CodemodContext(filename=filename)
    return RemoveImportsVisitor(context, TEMP_IMPORTS).transform_module(module)
