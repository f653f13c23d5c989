"""Which files pytest collects, read from the project's own pytest configuration.

A file pytest does not collect is never rewritten: a sample project that another runner
executes (``tests/functional/support/...``), a folder in ``norecursedirs``, a path in
``collect_ignore`` of a ``conftest.py`` or in ``--ignore`` of ``addopts``, a file that does
not match ``python_files``, or, for a run on the root itself, anything outside
``testpaths``. Such files are still read, to know the classes they define.

The configuration file is found as pytest finds it (``pytest.ini``, ``pyproject.toml`` with
``[tool.pytest.ini_options]`` or ``[tool.pytest]``, ``tox.ini`` with ``[pytest]``,
``setup.cfg`` with ``[tool:pytest]``, nearest first). ``collect_only`` asks pytest itself.
"""

from __future__ import annotations

import ast
import configparser
import fnmatch
import shlex
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

# pytest's own defaults.
NORECURSE = ("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}")
PYTHON_FILES = ("test_*.py", "*_test.py")
PYTHON_CLASSES = ("Test",)


@dataclass(frozen=True)
class PytestConfig:
    """What decides collection, with paths made absolute."""

    rootdir: Path
    python_files: tuple[str, ...] = PYTHON_FILES
    norecursedirs: tuple[str, ...] = NORECURSE
    testpaths: tuple[Path, ...] = ()
    ignored: tuple[Path, ...] = ()
    ignored_globs: tuple[str, ...] = ()
    configured_files: bool = False
    sources: tuple[str, ...] = field(default=())
    # Prefixes (or globs) of the class names pytest collects as test classes.
    python_classes: tuple[str, ...] = PYTHON_CLASSES

    def matches(self, path: Path) -> bool:
        """Whether the file is one of ``python_files``, matched as pytest's ``fnmatch_ex``
        does: the file name, or for a pattern with a ``/`` the whole path
        (``python_files = "tests/*.py"`` takes every ``.py`` file below a ``tests`` folder)."""
        return any(_fnmatch_ex(p, path) for p in self.python_files)

    def excludes(self, path: Path, given: Sequence[Path]) -> bool:
        """Whether pytest, run on ``given``, never reaches ``path``: ignored, under a
        ``norecursedirs`` folder, or outside ``testpaths`` for a run on the root."""
        path = path.resolve()
        roots = [g.resolve() for g in given]
        if path in roots:
            return False  # a file named on the command line is always collected
        if any(path == i or i in path.parents for i in self.ignored):
            return True
        if any(fnmatch.fnmatch(str(path), g) for g in self.ignored_globs):
            return True
        for folder in path.parents:
            if folder == self.rootdir or folder in roots:
                break
            if any(fnmatch.fnmatch(folder.name, p) for p in self.norecursedirs):
                return True
        if self.testpaths and any(r == self.rootdir for r in roots):
            return not any(path == t or t in path.parents for t in self.testpaths)
        return False


def load(paths: Iterable[Path]) -> PytestConfig | None:
    """The configuration pytest would use for ``paths``, or None when there is none."""
    given = [p.resolve() for p in paths]
    if not given:
        return None
    start = given[0] if given[0].is_dir() else given[0].parent
    for folder in (start, *start.parents):
        found = _read_ini(folder)
        if found is not None:
            return _with_conftests(_config(folder, found), given)
    return None


def _read_ini(folder: Path) -> dict[str, str | list[str]] | None:
    """The ini options of the first pytest configuration file in ``folder``, or None."""
    candidates = (
        ("pytest.ini", "pytest"),
        ("pyproject.toml", None),
        ("tox.ini", "pytest"),
        ("setup.cfg", "tool:pytest"),
    )
    for name, section in candidates:
        path = folder / name
        if not path.is_file():
            continue
        if section is None:
            options = _toml_options(path)
        else:
            options = _ini_options(path, section, required=name != "pytest.ini")
        if options is not None:
            return options
    return None


def _toml_options(path: Path) -> dict[str, str | list[str]] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    tool = data.get("tool", {}).get("pytest")
    if not isinstance(tool, dict):
        return None
    options = tool.get("ini_options", tool)
    return {k: v for k, v in options.items() if isinstance(v, (str, list))}


def _ini_options(path: Path, section: str, required: bool) -> dict[str, str | list[str]] | None:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, configparser.Error):
        return None
    if not parser.has_section(section):
        return None if required else {}
    return dict(parser.items(section))


def _words(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return value.split()


def _config(rootdir: Path, options: dict[str, str | list[str]]) -> PytestConfig:
    addopts = " ".join(_words(options.get("addopts")))
    ignored: list[Path] = []
    globs: list[str] = []
    try:
        words = shlex.split(addopts)
    except ValueError:
        words = []
    for index, word in enumerate(words):
        for flag, bucket in (("--ignore", ignored), ("--ignore-glob", globs)):
            value = None
            if word.startswith(f"{flag}="):
                value = word.split("=", 1)[1]
            elif word == flag and index + 1 < len(words):
                value = words[index + 1]
            if value is not None:
                if bucket is ignored:
                    ignored.append((rootdir / value).resolve())
                else:
                    globs.append(str(rootdir / value))
    files = _words(options.get("python_files"))
    norecurse = _words(options.get("norecursedirs"))
    return PytestConfig(
        rootdir=rootdir,
        python_files=tuple(files) or PYTHON_FILES,
        norecursedirs=tuple(norecurse) or NORECURSE,
        testpaths=tuple((rootdir / t).resolve() for t in _words(options.get("testpaths"))),
        ignored=tuple(ignored),
        ignored_globs=tuple(globs),
        configured_files=bool(files),
        python_classes=tuple(_words(options.get("python_classes"))) or PYTHON_CLASSES,
    )


def _with_conftests(config: PytestConfig, given: list[Path]) -> PytestConfig:
    """Add what ``collect_ignore``/``collect_ignore_glob`` of the conftest.py files under the
    root say (read statically: list literals, ``+=`` and ``.append``/``.extend``)."""
    ignored, globs = list(config.ignored), list(config.ignored_globs)
    folders = {config.rootdir, *given}
    for folder in folders:
        if not folder.is_dir():
            continue
        for conftest in folder.rglob("conftest.py"):
            names, patterns = _collect_ignores(conftest)
            ignored += [(conftest.parent / n).resolve() for n in names]
            globs += [str(conftest.parent / p) for p in patterns]
    return replace(
        config, ignored=tuple(dict.fromkeys(ignored)), ignored_globs=tuple(dict.fromkeys(globs))
    )


def _collect_ignores(conftest: Path) -> tuple[list[str], list[str]]:
    try:
        tree = ast.parse(conftest.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return [], []
    found: dict[str, list[str]] = {"collect_ignore": [], "collect_ignore_glob": []}
    for node in ast.walk(tree):
        target, value = None, None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AugAssign):
            target, value = node.target, node.value
        elif _list_method(node):
            func, arg = node.func, node.args[0]  # type: ignore[attr-defined]
            target = func.value
            value = ast.List(elts=[arg]) if func.attr == "append" else arg
        if isinstance(target, ast.Name) and target.id in found and value is not None:
            found[target.id] += _strings(value)
    return found["collect_ignore"], found["collect_ignore_glob"]


def _list_method(node: ast.AST) -> bool:
    """``name.append(x)`` or ``name.extend([...])``."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("append", "extend")
        and bool(node.args)
    )


def _strings(node: ast.expr) -> list[str]:
    if isinstance(node, (ast.List, ast.Tuple)):
        return [
            e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
        ]
    return []


def collect_only(paths: Sequence[Path], python: str = sys.executable) -> set[Path] | None:
    """The test modules pytest itself collects for ``paths`` (``--collect-only``), or None
    when pytest cannot say (it imports the test modules to find out)."""
    root = paths[0].resolve() if paths else Path.cwd()
    cwd = root if root.is_dir() else root.parent
    cmd = [python, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    # Node ids are relative to the rootdir: set it, so that they resolve against ``cwd``.
    cmd += ["--continue-on-collection-errors", f"--rootdir={cwd}", *(str(p) for p in paths)]
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode not in (0, 1, 5):
        return None
    modules: set[Path] = set()
    for line in proc.stdout.splitlines():
        file = line.partition("::")[0].strip()
        if file.endswith(".py") and "::" in line:
            modules.add((cwd / file).resolve())
    return modules


def _fnmatch_ex(pattern: str, path: Path) -> bool:
    """pytest's ``fnmatch_ex`` (``_pytest.pathlib``), for POSIX paths."""
    if "/" not in pattern:
        return fnmatch.fnmatch(path.name, pattern)
    name = str(path.resolve())
    if not pattern.startswith("/"):
        pattern = f"*/{pattern}"
    return fnmatch.fnmatch(name, pattern)
