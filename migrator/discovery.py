"""Which files a run reads, which it may rewrite, and what each one's module is called.

Directories are walked with the usual exclusions (VCS, virtualenvs, build output) and with
``.gitignore`` honoured through pygit2; files named on the command line are always taken.
Every ``.py`` file found is *indexed* (base classes often live in ``tests/base.py`` or a
package ``__init__.py``); only test files (pytest's defaults ``test_*.py`` and ``*_test.py``,
or every file with ``--all-files``) and the modules their test classes inherit from are
*rewritten*.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_INCLUDE = ("test_*.py", "*_test.py")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".tox",
    ".nox",
    ".venv",
    "venv",
    ".eggs",
    "*.egg-info",
    "build",
    "dist",
    "__pycache__",
    "node_modules",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
)


@dataclass(frozen=True)
class Unit:
    """One file of the run."""

    path: Path
    module: str
    is_test: bool


def module_name(path: Path) -> str:
    """Dotted module name as pytest's default import mode sees it (packages walked up)."""
    parts = [path.stem] if path.name != "__init__.py" else []
    folder = path.parent
    while (folder / "__init__.py").exists():
        parts.insert(0, folder.name)
        if folder.parent == folder:
            break
        folder = folder.parent
    return ".".join(parts) or path.stem


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    parts = rel.split("/")
    for pattern in patterns:
        if fnmatch.fnmatch(rel, pattern) or any(fnmatch.fnmatch(p, pattern) for p in parts):
            return True
    return False


def _work_tree(root: Path) -> Path | None:
    """The nearest folder at or above ``root`` holding ``.git``.

    Found by hand rather than with ``pygit2.discover_repository``: in pygit2 1.21 each call
    that finds no repository drops a reference to ``None`` it never took, and a long run (a
    test session) then aborts the interpreter at exit.
    """
    start = root.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


class _Ignores:
    """``.gitignore`` through pygit2, when the path lies in a git work tree."""

    def __init__(self, root: Path) -> None:
        self.repo = None
        self.workdir: Path | None = None
        top = _work_tree(root)
        if top is None:
            return
        try:
            import pygit2

            self.repo = pygit2.Repository(str(top))
            workdir = self.repo.workdir
            self.workdir = Path(workdir).resolve() if workdir else None
        except Exception:
            self.repo = None

    def ignored(self, path: Path) -> bool:
        if self.repo is None or self.workdir is None:
            return False
        try:
            rel = path.resolve().relative_to(self.workdir).as_posix()
        except ValueError:
            return False
        return bool(self.repo.path_is_ignored(rel))


def discover(
    paths: Iterable[Path],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = DEFAULT_EXCLUDE,
    all_files: bool = False,
    gitignore: bool = True,
) -> list[Unit]:
    """Every ``.py`` file under ``paths`` (sorted, unique) with its module and test flag."""
    include, exclude = tuple(include), tuple(exclude)
    seen: dict[Path, Unit] = {}
    for root in paths:
        if root.is_file():
            seen.setdefault(root, Unit(root, module_name(root.resolve()), True))
            continue
        ignores = _Ignores(root) if gitignore else None
        for path in _walk(root, exclude, ignores):
            is_test = all_files or _matches(path.name, include)
            seen.setdefault(path, Unit(path, module_name(path.resolve()), is_test))
    return sorted(seen.values(), key=lambda u: str(u.path))


def _walk(root: Path, exclude: tuple[str, ...], ignores: _Ignores | None) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        rel = base.relative_to(root).as_posix()
        dirs[:] = sorted(
            d
            for d in dirs
            if not _matches(d, exclude)
            and not (ignores and ignores.ignored(base / d))
            and not (rel != "." and _matches(f"{rel}/{d}", exclude))
        )
        for name in sorted(files):
            path = base / name
            wanted = name.endswith(".py") and not _matches(name, exclude)
            if wanted and not (ignores and ignores.ignored(path)):
                yield path
