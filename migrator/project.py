"""Complete the index with the modules a run's bases come from, read-only.

A base class or a re-export may live in a file the run skipped (a ``compat.py`` with no class
that does ``import unittest``), in the project's own package outside the given paths
(``mypkg/testing.py`` for a run on ``tests/``), or in a namespace package whose module names
the file system alone does not give (``zope/`` without ``__init__.py``: the file
``src/zope/interface/tests/base.py`` is indexed as ``interface.tests.base`` and imported as
``zope.interface.tests.base``). Each unresolved name is looked up, the files found are indexed
(outside the run: read-only, never rewritten) and the lookup repeats until nothing new turns up.
"""

from __future__ import annotations

import configparser
import functools
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

from migrator.discovery import Unit
from migrator.sourcefile import DecodeError, decode
from transforms.hierarchy import Hierarchy, alternatives
from transforms.index import ModuleInfo, index_module

ROOT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", "tox.ini", "pytest.ini", ".git")
ROUNDS = 6


def project_root(path: Path) -> Path:
    """The nearest folder at or above ``path`` that looks like a project root."""
    start = path.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate
    return folder


def complete(
    infos: Mapping[str, ModuleInfo],
    skipped: Mapping[str, tuple[Path, str]],
    roots: Iterable[Path],
) -> tuple[dict[str, ModuleInfo], dict[str, str]]:
    """Modules to add to the index (keyed by path; those outside the run are read-only) and
    module-name aliases (imported name -> indexed name) for namespace packages.

    ``skipped`` maps the module names of the run's files that were not indexed (no class, no
    lifecycle word) to (path, module); ``roots`` are the folders to search for the rest.
    """
    added: dict[str, ModuleInfo] = {}
    aliases: dict[str, str] = {}
    roots = list(dict.fromkeys(r.resolve() for r in roots))
    # A skipped file of the run found under another name keeps its own (it is rewritable).
    own = {str(path.resolve()): (path, module) for path, module in skipped.values()}
    tops = {i.module.split(".")[0] for i in infos.values()}
    tops |= {module.split(".")[0] for _path, module in skipped.values()}
    tried: set[str] = set()
    for _round in range(ROUNDS):
        known = {**infos, **added}
        by_path = {str(Path(p).resolve()): i.module for p, i in known.items()}
        wanted = _unresolved_modules(known.values(), aliases) - tried
        if not wanted:
            break
        tried |= wanted
        for name in sorted(wanted):
            found = _locate(name, skipped, roots)
            if found is None or _installed(name, found[0], tops):
                continue
            path, read_only = found
            if str(path.resolve()) in own:
                path, module = own.pop(str(path.resolve()))
                info = _index(path, module, False)
                if info is not None:
                    added[str(path)] = info
                    by_path[str(path.resolve())] = module
                read_only = False
            indexed_as = by_path.get(str(path.resolve()))
            if indexed_as is not None:
                if indexed_as != name:
                    aliases[name] = indexed_as
                continue
            info = _index(path, name, read_only)
            if info is not None:
                added[str(path)] = info
                by_path[str(path.resolve())] = name
    return added, aliases


def _unresolved_modules(infos: Iterable[ModuleInfo], aliases: Mapping[str, str]) -> set[str]:
    """Dotted prefixes of base names (and of their re-export chains), of class decorators and
    of the loggers lifecycle methods add handlers to that no indexed module answers: the
    modules to look for."""
    model = Hierarchy(list(infos), aliases)
    names: list[str] = []
    for info in model.classes.values():
        for base in info.bases:
            name = model.canonical(base)
            # A third-party-looking name may be the project's own package (tornado.testing
            # in tornado's own suite): looked for too.
            if name is not None and model.kind(name) in ("unknown", "third"):
                names += alternatives(name)
        # A class decorator may be a unittest skip or a subclassing function bound in
        # another module (tornado's ``skipNotCPython``, ``abstract_base_test``): that module
        # tells. (A call, ``@deco(...)``, is neither: its module is not looked for.)
        for target in info.decorator_targets:
            if not target.endswith("()"):
                names += alternatives(model.canonical(target) or "")
        # The module a logger comes from, that a lifecycle method adds handlers to
        # (``transforms.loggers``): it says whether that is the root logger.
        for facts in info.methods.values():
            names += [name for _line, name in facts.logger_uses if "." in name]
    for module in model.modules.values():
        for facts in module.functions.values():
            names += [name for _line, name in facts.logger_uses if "." in name]
    out = {
        ".".join(parts[:cut])
        for parts in (n.split(".") for n in names if n and not n.startswith("?"))
        for cut in range(1, len(parts))
    }
    return {m for m in out if m not in model.modules}


def _locate(
    name: str, skipped: Mapping[str, tuple[Path, str]], roots: list[Path]
) -> tuple[Path, bool] | None:
    """(file, read-only) of module ``name``: a skipped file of the run, or one under a root
    (also its ``src/`` and the package folders it declares), or None."""
    if name in skipped:
        return skipped[name][0], False
    parts = name.split(".")
    for root in roots:
        for base in (root, *package_folders(root)):
            folder = base.joinpath(*parts)
            for candidate in (folder.with_suffix(".py"), folder / "__init__.py"):
                if candidate.is_file():
                    return candidate, True
    return None


@functools.lru_cache(maxsize=64)
def package_folders(root: Path) -> tuple[Path, ...]:
    """The folders under ``root`` that hold its importable packages: ``src/``, and those
    its packaging declares (``package-dir = {"" = "Lib"}`` or ``packages.find.where`` in
    pyproject.toml, ``package_dir = =lib`` in setup.cfg): python-ldap's ``slapdtest`` lives
    in ``Lib/``."""
    declared = [*_pyproject_folders(root / "pyproject.toml"), *_setup_cfg_folders(root)]
    out = [root / "src"]
    for name in declared:
        folder = (root / name).resolve()
        if folder != root.resolve() and root.resolve() in folder.parents and folder.is_dir():
            out.append(folder)
    return tuple(dict.fromkeys(out))


def _pyproject_folders(path: Path) -> list[str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    tool = data.get("tool", {}).get("setuptools", {})
    out: list[str] = []
    package_dir = tool.get("package-dir", {})
    if isinstance(package_dir, dict) and isinstance(package_dir.get(""), str):
        out.append(package_dir[""])
    packages = tool.get("packages", {})
    find = packages.get("find", {}) if isinstance(packages, dict) else {}
    where = find.get("where", []) if isinstance(find, dict) else []
    if isinstance(where, list):
        out.extend(w for w in where if isinstance(w, str))
    return out


def _setup_cfg_folders(root: Path) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(root / "setup.cfg", encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return []
    value = parser.get("options", "package_dir", fallback="")
    # ``package_dir = =src`` or, one mapping per line, ``= src``
    return [
        v.strip()
        for k, _, v in (line.partition("=") for line in value.splitlines())
        if not k.strip() and v.strip()
    ]


# Where installers put packages: a module found there is installed, not the project's.
INSTALL_FOLDERS = ("site-packages", "dist-packages")


def _installed(name: str, path: Path, tops: set[str]) -> bool:
    """Whether module ``name``, found at ``path``, is the standard library or an installed
    package rather than the project's own: a run inside an installation (the interpreter's
    own ``test`` package, a package's tests under ``site-packages``) has the whole library
    next to it, and ``unittest`` read as a project module would hide what the model knows
    of ``unittest.TestCase``. The run's own top-level packages are always the project's."""
    top = name.split(".")[0]
    if top in tops:
        return False
    return top in sys.stdlib_module_names or any(p in INSTALL_FOLDERS for p in path.parts)


def _index(path: Path, module: str, read_only: bool) -> ModuleInfo | None:
    try:
        source = decode(path.read_bytes())
        info = index_module(source.text, module, str(path))
    except (OSError, DecodeError, SyntaxError, ValueError, RecursionError):
        return None
    return replace(info, read_only=read_only)


# A quoted relative path ("scenario/class_fixtures", 'testrunner-ex'): what a test passes to
# another runner, or puts on sys.path to import a sample module.
PATH_STRING = re.compile(r"""["']\.?/?([A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)*)/?["']""")


def path_fragments(text: str) -> tuple[tuple[str, ...], ...]:
    """The quoted relative paths of a module that may name a data folder: two folder names
    or more, or one that cannot be a package name ("testrunner-ex"); one bare word
    ("support", "tests") says too little."""
    found: dict[tuple[str, ...], None] = {}
    for match in PATH_STRING.finditer(text):
        parts = tuple(p for p in match.group(1).split("/") if p not in ("", "."))
        if len(parts) >= 2 or (len(parts) == 1 and not parts[0].isidentifier()):
            found.setdefault(parts)
    return tuple(found)


def data_folders(
    units: Sequence[Unit],
    fragments: Mapping[str, Sequence[tuple[str, ...]]],
    modules: Mapping[str, str] | None = None,
    imports: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, str]:
    """Test files that another module of the run names as data: a quoted relative path
    ending with the names of the folders that hold them ("scenario/class_fixtures" for
    ``.../support/scenario/class_fixtures/test_cf.py``), written in a module outside those
    folders. Another runner executes them, or a test imports and inspects them: rewriting
    them changes what those tests see. Returns path -> reason.

    ``fragments`` maps the paths of the run's test modules (and conftest.py files) to their
    ``path_fragments``: only tests use folders as data (a ``noxfile.py`` naming "tests/unit"
    runs the suite).

    ``modules`` maps the module names of the run to their files, ``imports`` each path to
    the qualified names it imports: a folder named in a quoted path (an allow-list,
    ``"tests/cli/"``) whose modules import the package of the module naming it is not data
    (``_part_of_suite``).
    """
    named: dict[tuple[str, ...], str] = {}
    for path, parts_list in fragments.items():
        for parts in parts_list:
            named.setdefault(parts, path)
    # Fragments by their last name, in the order they were named: a file only looks at those
    # ending with one of its folders' names (every fragment for every file is quadratic).
    by_last: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for order, parts in enumerate(named):
        by_last.setdefault(parts[-1], []).append((order, parts))
    out: dict[str, str] = {}
    imported = _imported_folders(units, modules or {}, imports or {})
    for unit in units:
        if not unit.is_test:
            continue
        folders = unit.path.resolve().parent.parts
        candidates = sorted(c for name in set(folders) for c in by_last.get(name, ()))
        for _order, parts in candidates:
            named_in = named[parts]
            data_dir = _named_ancestor(folders, parts)
            if data_dir is None:
                continue
            referrer = Path(named_in).resolve().parent
            if referrer == data_dir or data_dir in referrer.parents:
                continue  # a module naming its own folder is not using it as data
            if _part_of_suite(data_dir, referrer, imported):
                continue
            out[str(unit.path)] = f"data of {named_in} (it names '{'/'.join(parts)}')"
            break
    return out


def _named_ancestor(folders: tuple[str, ...], parts: tuple[str, ...]) -> Path | None:
    """The nearest of a file's folder and its ancestors (``folders``, its folder's parts)
    whose path ends with ``parts``: a folder named as data holds its subfolders too (the
    packages of a sample project, ``testrunner-ex/sample1/sampletests``)."""
    for end in range(len(folders), len(parts) - 1, -1):
        if folders[end - len(parts) : end] == parts:
            return Path(*folders[:end])
    return None


def _imported_folders(
    units: Sequence[Unit], modules: Mapping[str, str], imports: Mapping[str, Iterable[str]]
) -> dict[Path, set[Path]]:
    """The folder of each test module -> the folders of the run's modules it imports."""
    files = {module: Path(path).resolve() for module, path in modules.items()}
    out: dict[Path, set[Path]] = {}
    for unit in units:
        if not unit.is_test:
            continue
        found = (_defining_file(name, files) for name in imports.get(str(unit.path), ()))
        folder = unit.path.resolve().parent
        out.setdefault(folder, set()).update(f.parent for f in found if f is not None)
    return out


def _part_of_suite(data_dir: Path, referrer: Path, imported: Mapping[Path, set[Path]]) -> bool:
    """Whether a module under ``data_dir`` imports a module of the package that holds the
    module naming it (``from .. import TestCase``): a sample project runs on its own, where
    that import could not work, so the folder belongs to the suite around it."""
    for folder, targets in imported.items():
        if folder != data_dir and data_dir not in folder.parents:
            continue
        for target in targets:
            outside = target != data_dir and data_dir not in target.parents
            if outside and (target == referrer or target in referrer.parents):
                return True
    return False


def _defining_file(name: str, files: Mapping[str, Path]) -> Path | None:
    """The file of the longest module prefix of a qualified name (``tests.TestCase`` ->
    ``tests/__init__.py``)."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        found = files.get(".".join(parts[:cut]))
        if found is not None:
            return found
    return None
