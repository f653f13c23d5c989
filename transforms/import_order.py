"""Put an added ``import pytest`` / ``import contextlib`` where isort and ruff would.

What it does: when the module's leading import block is already sorted the way ruff's isort
rule (``I001``) and isort's default profile sort it (sections future, standard library,
third-party, first-party, local, separated by one blank line; in each section ``import x``
lines before ``from x import y`` lines, each ordered by module name ignoring case), each
added import goes into its section at its sorted place, and a section that does not exist
yet is created in its place. A block that is not sorted that way keeps libcst's placement
(after the last import): re-sorting the user's own imports is not this tool's business.
Why: the migrated file should raise no lint finding its input did not already have.
Example: ``import os`` / blank / ``from mypkg import x`` gains ``import pytest`` in a new
third-party section between the two.
Refuses when: never; it only chooses where a line goes.

First-party modules are found the way ruff finds them with its defaults: a folder or module
of that name at the project root (the nearest folder with ``pyproject.toml``, ``ruff.toml``,
``setup.cfg``, ``setup.py`` or ``.git``) or in its ``src/``, or the file's own top-level
package.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import libcst as cst

from transforms.cstutil import cst_dotted

RANKS = {"future": 0, "stdlib": 1, "third": 2, "first": 3, "local": 4}
_ROOT_MARKERS = ("pyproject.toml", "ruff.toml", ".ruff.toml", "setup.cfg", "setup.py", ".git")


@dataclass(frozen=True)
class _Line:
    """One import statement of the block: its section rank and its sort key."""

    rank: int
    straight: bool
    key: str
    starts_section: bool


def place(
    block: Sequence[cst.BaseStatement],
    added: Sequence[cst.SimpleStatementLine],
    filename: str | None,
) -> list[cst.BaseStatement] | None:
    """``block`` (docstring and leading imports) with ``added`` put in sorted places, or None
    when the block is not sorted (the caller keeps its own placement)."""
    first = 1 if block and not _import(block[0]) else 0
    imports = list(block[first:])
    classify = _Classifier(filename)
    lines = [_describe(stmt, classify) for stmt in imports]
    if not imports or not _sorted(lines):
        return None
    for stmt in added:
        line = _describe(stmt, classify)
        imports, lines = _insert(imports, lines, stmt, line)
    return [*block[:first], *imports]


def _import(stmt: cst.BaseStatement) -> cst.Import | cst.ImportFrom | None:
    if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
        small = stmt.body[0]
        if isinstance(small, (cst.Import, cst.ImportFrom)):
            return small
    return None


def _describe(stmt: cst.BaseStatement, classify: _Classifier) -> _Line:
    small = _import(stmt)
    assert small is not None
    blank = isinstance(stmt, cst.SimpleStatementLine) and any(
        line.comment is None for line in stmt.leading_lines
    )
    if isinstance(small, cst.Import):
        name = _dotted(small.names[0].name)
        return _Line(RANKS[classify(name)], True, name.lower(), blank)
    if small.relative:
        dots = "." * len(small.relative)
        module = _dotted(small.module) if small.module is not None else ""
        return _Line(RANKS["local"], False, dots + module.lower(), blank)
    assert small.module is not None
    name = _dotted(small.module)
    return _Line(RANKS[classify(name)], False, name.lower(), blank)


def _dotted(node: cst.BaseExpression) -> str:
    return cst_dotted(node) or ""


def _sections(lines: Sequence[_Line]) -> list[list[int]]:
    sections: list[list[int]] = []
    for index, line in enumerate(lines):
        if index == 0 or line.starts_section:
            sections.append([])
        sections[-1].append(index)
    return sections


def _order(line: _Line) -> tuple[int, str]:
    return (0 if line.straight else 1, line.key)


def _sorted(lines: Sequence[_Line]) -> bool:
    """Sections homogeneous, in rank order, each sorted (local sections: any order)."""
    previous = -1
    for section in _sections(lines):
        ranks = {lines[i].rank for i in section}
        if len(ranks) != 1:
            return False
        rank = ranks.pop()
        if rank <= previous:
            return False
        previous = rank
        keys = [_order(lines[i]) for i in section]
        if rank != RANKS["local"] and keys != sorted(keys):
            return False
    return True


def _insert(
    imports: list[cst.BaseStatement],
    lines: list[_Line],
    stmt: cst.SimpleStatementLine,
    line: _Line,
) -> tuple[list[cst.BaseStatement], list[_Line]]:
    for section in _sections(lines):
        if lines[section[0]].rank == line.rank:
            after = [i for i in section if _order(lines[i]) < _order(line)]
            at = after[-1] + 1 if after else section[0]
            if at == section[0]:
                # The new first line of the section takes over its separating blank line.
                head = imports[at]
                assert isinstance(head, cst.SimpleStatementLine)
                stmt = stmt.with_changes(leading_lines=head.leading_lines)
                imports[at] = head.with_changes(leading_lines=[])
                lines[at] = _Line(lines[at].rank, lines[at].straight, lines[at].key, False)
                line = _Line(line.rank, line.straight, line.key, True)
            else:
                stmt = stmt.with_changes(leading_lines=[])
            return _spliced(imports, lines, at, stmt, line)
    later = [s[0] for s in _sections(lines) if lines[s[0]].rank > line.rank]
    at = later[0] if later else len(lines)
    blank = [cst.EmptyLine()] if at > 0 else []
    stmt = stmt.with_changes(leading_lines=blank)
    line = _Line(line.rank, line.straight, line.key, True)
    if at == 0:
        # A new first section: the old first one now needs its blank line.
        head = imports[0]
        assert isinstance(head, cst.SimpleStatementLine)
        stmt = stmt.with_changes(leading_lines=head.leading_lines)
        imports[0] = head.with_changes(leading_lines=[cst.EmptyLine()])
        lines[0] = _Line(lines[0].rank, lines[0].straight, lines[0].key, True)
    return _spliced(imports, lines, at, stmt, line)


def _spliced(
    imports: list[cst.BaseStatement],
    lines: list[_Line],
    at: int,
    stmt: cst.SimpleStatementLine,
    line: _Line,
) -> tuple[list[cst.BaseStatement], list[_Line]]:
    return [*imports[:at], stmt, *imports[at:]], [*lines[:at], line, *lines[at:]]


class _Classifier:
    """Which section a top-level module name belongs to, for one file."""

    def __init__(self, filename: str | None) -> None:
        self.roots: tuple[Path, ...] = ()
        self.own = ""
        if filename and Path(filename).exists():
            path = Path(filename).resolve()
            root = _root(path.parent)
            self.roots = (root, root / "src")
            self.own = _own_package(path)

    def __call__(self, name: str) -> str:
        top = name.split(".")[0]
        if top == "__future__":
            return "future"
        if top in sys.stdlib_module_names:
            return "stdlib"
        if top == self.own or any(_exists(r, top) for r in self.roots):
            return "first"
        return "third"


@lru_cache(maxsize=256)
def _root(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in _ROOT_MARKERS):
            return candidate
    return folder


def _exists(root: Path, top: str) -> bool:
    return (root / top).is_dir() or (root / f"{top}.py").is_file()


def _own_package(path: Path) -> str:
    """The top-level package of the file ('' for a module outside any package)."""
    own = ""
    folder = path.parent
    while (folder / "__init__.py").exists() and folder.parent != folder:
        own = folder.name
        folder = folder.parent
    return own
