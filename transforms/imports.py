"""Add ``import pytest`` / ``import contextlib``, and take out ``shutil``/``tempfile`` imports
the temporary-path rewrites left unused.

What it does: adds the imports the fixtures need, never twice (a top-level ``import x``
before the first class or function counts), where isort/ruff would put them when the leading
import block is sorted (``import_order``), else after that block's last import.
Why: libcst's ``AddImportsVisitor`` does the placement part, but it runs a metadata pass and
took about a quarter of a rewrite's time on small test modules; the leading block is all
that matters, and a direct edit of it is exact and cheap. An unused import is removed only
when no ``Name`` of the new code reads it (see ``remove_unused_temp_imports``).
Example: a module starting ``import unittest`` gains a blank line and ``import pytest``.
Refuses when: never.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Collection, Iterable

import libcst as cst
import libcst.matchers as m

from transforms.import_order import place
from transforms.printing import ModulePrinter

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
    module: cst.Module, names: Iterable[tuple[str, str]], filename: str | None = None
) -> cst.Module:
    """``module`` with ``import name`` (or ``import name as alias``) for each (name, alias)
    of ``names`` it does not import at the top: in its isort place when the leading import
    block is sorted (``import_order``), else after that block's last import (after the
    docstring when there is no import)."""
    # An ``import pytest`` further down (after a try/except import) already binds the name.
    present = _top_level_imports(module)
    wanted = [(name, alias) for name, alias in names if (name, alias) not in present]
    if not wanted:
        return module
    split = _leading_block(module.body)
    block = list(module.body[:split])
    added = [_import_line(name, alias) for name, alias in wanted]
    placed = place(block, added, filename) or [*block, *added]
    rest: list[cst.BaseStatement] = list(module.body[split:])
    if rest and not any(m.matches(stmt, _IMPORT_LINE) for stmt in block):
        rest[0] = _apart(rest[0])
    return module.with_changes(body=[*placed, *rest])


def _apart(stmt: cst.BaseStatement) -> cst.BaseStatement:
    """The first statement after imports the module did not have: set apart by blank lines
    as PEP 8 asks (two before a class or function), unless it already is."""
    lines = list(getattr(stmt, "leading_lines", ()))
    if lines and lines[0].comment is None:
        return stmt
    count = 2 if isinstance(stmt, (cst.ClassDef, cst.FunctionDef)) else 1
    blank = [cst.EmptyLine(indent=False) for _ in range(count)]
    return stmt.with_changes(leading_lines=[*blank, *lines])


def _import_line(name: str, alias: str) -> cst.SimpleStatementLine:
    asname = None if alias == name else cst.AsName(name=cst.Name(alias))
    return cst.SimpleStatementLine(
        body=[cst.Import(names=[cst.ImportAlias(name=cst.Name(name), asname=asname)])]
    )


def _top_level_imports(module: cst.Module) -> set[tuple[str, str]]:
    """(module, bound name) of every plain ``import x [as y]`` at the module's top level
    before its first class or function (where a fixture decorator first needs the name)."""
    out: set[tuple[str, str]] = set()
    for stmt in module.body:
        if isinstance(stmt, (cst.ClassDef, cst.FunctionDef)):
            break
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    if isinstance(alias.name, cst.Name):
                        bound = alias.asname.name if alias.asname else alias.name
                        if isinstance(bound, cst.Name):
                            out.add((alias.name.value, bound.value))
    return out


# The modules whose uses the temporary-path rewrites take out: ``shutil.rmtree`` dropped,
# ``tempfile.mkdtemp()``/``TemporaryDirectory``/``gettempdir()`` replaced by a pytest path.
TEMP_MODULES = ("shutil", "tempfile")


def remove_unused_temp_imports(
    module: cst.Module,
    read_before: Collection[str],
    printer: ModulePrinter | None = None,
) -> cst.Module:
    """``module`` without the module-level ``shutil``/``tempfile`` imports whose names the
    original read (``read_before``, from ``temp_import_reads`` of the original) and the
    rewrite left unread. An import that was unused before stays: not this tool's business.

    Exact without scope analysis (DESIGN.md section 6: the most expensive metadata): a
    module-level ``import shutil`` binds a global, so the name is unused when no ``Name``
    node of the new code reads it and ``__all__`` does not list it; only then is its alias
    removed from the statement (the statement goes when it had no other alias). Most often
    the new text does not contain the word outside the import lines at all, which settles
    it without parsing; otherwise the new text is parsed and its names read.
    """
    candidates = {n for n in _top_level_temp_names(module) if n in read_before}
    if not candidates:
        return module
    printer = printer or ModulePrinter()
    code = printer.code(module)
    if "__all__" in code:
        return module  # names listed in __all__ are read by ``from module import *``
    imports = "".join(printer.node_code(module, s) for s in module.body if _statement_temp_names(s))
    gone = {n for n in candidates if _mentions(code, n) == _mentions(imports, n)}
    if candidates - gone:
        gone |= candidates - _names_read(ast.walk(ast.parse(code)))
    if not gone:
        return module
    body: list[cst.BaseStatement] = []
    for stmt in module.body:
        kept = _without_aliases(stmt, gone)
        if kept is not None:
            body.append(kept)
    return module.with_changes(body=body)


def _mentions(text: str, name: str) -> int:
    """How often ``name`` occurs as a word; -1 for non-ASCII text, where an identifier
    spelled with other characters can normalise to ``name`` (so only a parse can tell)."""
    if not text.isascii():
        return -1
    return len(re.findall(rf"\b{re.escape(name)}\b", text))


def _top_level_temp_names(module: cst.Module) -> set[str]:
    """The names the module's top-level ``TEMP_MODULES`` imports bind without ``as``."""
    return {name for stmt in module.body for name in _statement_temp_names(stmt)}


def _statement_temp_names(stmt: cst.BaseStatement) -> list[str]:
    """What a one-import line of ``TEMP_MODULES`` binds without ``as``: what
    ``_without_aliases`` may take out of it."""
    if not m.matches(stmt, _IMPORT_LINE):
        return []
    assert isinstance(stmt, cst.SimpleStatementLine)
    small = stmt.body[0]
    if isinstance(small, cst.Import):
        names = [a for a in small.names if _bound(a) in TEMP_MODULES]
    elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
        names = list(small.names) if _module_name(small) in TEMP_MODULES else []
        names = [] if small.relative else names
    else:
        names = []
    return [_bound(a) for a in names if a.asname is None and _bound(a)]


def _without_aliases(stmt: cst.BaseStatement, gone: set[str]) -> cst.BaseStatement | None:
    """The import statement without the aliases binding ``gone`` names (None when nothing
    is left); any other statement as it is."""
    if not gone.intersection(_statement_temp_names(stmt)):
        return stmt
    assert isinstance(stmt, cst.SimpleStatementLine)
    small = stmt.body[0]
    assert isinstance(small, (cst.Import, cst.ImportFrom))
    names = list(small.names)  # type: ignore[arg-type]
    kept = [a for a in names if _bound(a) not in gone or a.asname is not None]
    if not kept:
        return None
    kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return stmt.with_changes(body=[small.with_changes(names=kept)])


def _module_name(node: cst.ImportFrom) -> str:
    module = node.module
    if module is None:
        return ""
    return module.value if isinstance(module, cst.Name) else ""


def _bound(alias: cst.ImportAlias) -> str:
    """The name an alias without ``as`` binds: ``shutil`` for ``import shutil``."""
    name = alias.name
    return name.value if isinstance(name, cst.Name) else ""


def temp_import_reads(imports: Iterable[ast.AST], names: Collection[str]) -> frozenset[str]:
    """Which names that ``TEMP_MODULES`` imports without ``as`` bind (``imports``: every
    import statement of the module, nested ones too) some ``Name`` of the module reads
    (``names``: the ids of all its ``Name`` nodes)."""
    return frozenset(n for node in imports for n in _temp_bindings(node) if n in names)


def temp_reads_of(source: str) -> frozenset[str]:
    """``temp_import_reads`` of a module's source text."""
    nodes = list(ast.walk(ast.parse(source)))
    return temp_import_reads(nodes, _names_read(nodes))


def _temp_bindings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name in TEMP_MODULES and not a.asname]
    if isinstance(node, ast.ImportFrom) and node.module in TEMP_MODULES and not node.level:
        return [a.name for a in node.names if not a.asname]
    return []


def _names_read(nodes: Iterable[ast.AST]) -> set[str]:
    return {node.id for node in nodes if isinstance(node, ast.Name)}
