"""The run: index every file, plan once, rewrite in parallel, check, and report.

1. Index (``ast``, cheap): every ``.py`` file of the run that contains a class.
2. Plan (once, in this process): ``transforms.run_plan.plan_run`` over the whole index.
3. Rewrite (libcst, in worker processes): only files whose plan changes something.
   A worker never raises: it returns a frozen ``FileResult``.
4. If a planned file could not be rewritten (libcst cannot parse it, an internal error),
   its classes leave the index and the run is planned again, so no subclass ever requests a
   fixture that was not written.
Nothing is written here; ``write_changes`` does that, atomically, in the parent.
"""

from __future__ import annotations

import ast
import os
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import libcst as cst

from migrator import pytest_config
from migrator.discovery import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, Unit, discover, module_name
from migrator.project import complete, data_folders, path_fragments, project_root
from migrator.results import FileResult, Report, Status
from migrator.sourcefile import (
    DecodeError,
    SourceText,
    atomic_write,
    decode,
    discard,
    prepare,
    unwritable,
)
from transforms import loggers, rewrite_module
from transforms.codes import Code, Refusal
from transforms.hierarchy import Hierarchy, linked_roots
from transforms.index import ModuleInfo, index_module
from transforms.plan_types import FilePlan
from transforms.run_plan import plan_run
from transforms.temp_facts import file_literals
from transforms.unittest_api import TRIGGER_WORDS

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int], None]


def start_phase(progress: Progress | None, name: str, total: int) -> None:
    """Tell a progress display that a phase begins (a display without phases ignores it)."""
    phase = getattr(progress, "phase", None)
    if phase is not None:
        phase(name, total)


@dataclass(frozen=True)
class Options:
    """What a run looks at and how hard it works."""

    jobs: int | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    all_files: bool = False
    gitignore: bool = True
    # (resolved file, class name or "" for the module's own fixture, reason): hierarchies
    # that ``verify`` saw change outcomes, kept as they are (MF122).
    withheld: tuple[tuple[str, str, str], ...] = ()
    # Follow the project's pytest configuration for what is a test file (default), or ask
    # pytest itself (``--collect-only``) with ``pytest_collect``.
    pytest_config: bool = True
    pytest_collect: bool = False
    # Plan the whole project around the given paths (as a run on its root would) and report
    # only the given files plus the files that must change with them (pre-commit runs).
    in_project: bool = False


@dataclass(frozen=True)
class _Indexed:
    unit_path: str
    info: ModuleInfo | None
    result: FileResult | None  # set when the file cannot be indexed
    # Quoted file names of a file skipped unindexed: "named nowhere else" must count them.
    names: Mapping[str, int] = field(default_factory=dict)
    # Quoted relative paths of a test module or conftest.py (see ``project.data_folders``).
    fragments: tuple[tuple[str, ...], ...] = ()


def _index_one(unit: Unit) -> _Indexed:
    path = str(unit.path)
    try:
        source = read_source(unit.path)
    except (OSError, DecodeError) as exc:
        return _Indexed(path, None, _unparsable(path, str(exc)))
    indexed = _index_text(unit, source.text)
    if unit.is_test or unit.path.name == "conftest.py":
        return replace(indexed, fragments=path_fragments(source.text))
    return indexed


def _index_text(unit: Unit, text: str) -> _Indexed:
    path = str(unit.path)
    if (
        "class" not in text
        and not any(w in text for w in TRIGGER_WORDS)
        and "/tmp/" not in text
        and "gettempdir" not in text
    ):
        return _skipped(path, text)
    try:
        return _Indexed(path, index_module(text, unit.module, path), None)
    except SyntaxError as exc:
        return _Indexed(path, None, _syntax_error(path, exc))
    except (ValueError, RecursionError) as exc:
        return _Indexed(path, None, _unparsable(path, str(exc)))
    except Exception:
        return _Indexed(path, None, FileResult(path, Status.FAILED, error=traceback.format_exc()))


def _skipped(path: str, text: str) -> _Indexed:
    """A file with nothing to convert, unless it does not parse: that is still reported
    (MF100 at its line and column, exit 123), as black reports every file it cannot read.
    ``compile`` to an AST only checks the syntax; nothing of the tree is kept."""
    try:
        compile(text, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        return _Indexed(path, None, _syntax_error(path, exc))
    except (ValueError, RecursionError) as exc:
        return _Indexed(path, None, _unparsable(path, str(exc)))
    return _Indexed(path, None, FileResult(path, Status.SKIPPED), file_literals(text))


def read_source(path: Path) -> SourceText:
    """The decoded text of a file; ``DecodeError`` for bytes that are not Python text."""
    data = path.read_bytes()
    if b"\x00" in data:
        raise DecodeError("not Python text (it contains NUL bytes)")
    return decode(data)


def _unparsable(path: str, message: str, line: int = 1) -> FileResult:
    first = message.splitlines()[0] if message else ""
    refusal = Refusal(Code.UNPARSABLE, path, line, None, first)
    return FileResult(path, Status.UNPARSABLE, refusals=(refusal,), error=message)


def _syntax_error(path: str, exc: SyntaxError) -> FileResult:
    """MF100 at the line of the error, with its column."""
    line = exc.lineno or 1
    where = f"line {line}, column {exc.offset}" if exc.offset else f"line {line}"
    return _unparsable(path, f"{where}: {exc.msg}", line)


def rewrite_text(source: SourceText, plan: FilePlan) -> FileResult:
    """Apply a plan to decoded text. Never raises; the output is checked to compile."""
    path = plan.path
    if not plan.changes:
        return FileResult(path, Status.UNCHANGED, refusals=plan.refusals)
    try:
        module = cst.parse_module(source.text)
    except cst.ParserSyntaxError as exc:
        where = f"line {exc.raw_line}, column {exc.raw_column + 1}"
        failed = _unparsable(path, f"{where}: libcst: {exc.message}", exc.raw_line)
        return replace(failed, refusals=(*plan.refusals, *failed.refusals))
    except RecursionError as exc:
        return replace(_unparsable(path, f"libcst: {exc}"), refusals=plan.refusals)
    try:
        rewrite = rewrite_module(module, plan)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the suite's own SyntaxWarnings are not ours
            compile(rewrite.code, path, "exec", dont_inherit=True)
        source.encode(rewrite.code)
    except Exception:
        return FileResult(path, Status.FAILED, refusals=plan.refusals, error=traceback.format_exc())
    if rewrite.code == source.text:
        return FileResult(path, Status.UNCHANGED, refusals=plan.refusals)
    return FileResult(
        path,
        Status.CHANGED,
        refusals=plan.refusals,
        converted=rewrite.converted,
        output=rewrite.code,
    )


def _rewrite_one(task: tuple[Path, FilePlan]) -> FileResult:
    path, plan = task
    try:
        source = read_source(path)
    except (OSError, DecodeError) as exc:
        return _unparsable(str(path), str(exc))
    return rewrite_text(source, plan)


def parallel_map(
    func: Callable[[T], R], items: Sequence[T], jobs: int, progress: Progress | None = None
) -> list[R]:
    """``map`` over a process pool; in process for one item or one job."""
    if jobs <= 1 or len(items) <= 1:
        out = []
        for item in items:
            out.append(func(item))
            if progress:
                progress(1)
        return out
    # Small chunks: file sizes vary a lot, and one large file at the end of a chunk
    # would keep a worker busy while the others wait.
    chunk = max(1, min(8, len(items) // (jobs * 32)))
    results: list[R] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(func, items, chunksize=chunk):
            results.append(result)
            if progress:
                progress(1)
    return results


def migrate_source(text: str, path: str = "<stdin>", module: str | None = None) -> FileResult:
    """Migrate one module's source text on its own (its bases must be in the same text)."""
    name = module or (module_name(Path(path)) if path != "<stdin>" else "stdin_module")
    source = SourceText(text, "utf-8", False)
    try:
        info = index_module(text, name, path)
    except SyntaxError as exc:
        return _syntax_error(path, exc)
    except ValueError as exc:
        return _unparsable(path, str(exc))
    info = loggers.settle({path: info}, {})[path]
    plan = plan_run([info])[path]
    return replace(rewrite_text(source, plan), found=info.lifecycle_count, hazards=plan.hazards)


def migrate_paths(
    paths: Iterable[Path | str], options: Options | None = None, progress: Progress | None = None
) -> Report:
    """Migrate every file under ``paths`` in memory and return the report (nothing written)."""
    options = options or Options()
    if options.in_project:
        return _in_project([Path(p) for p in paths], options, progress)
    return _run(paths, options, progress)[0]


def _in_project(paths: list[Path], options: Options, progress: Progress | None) -> Report:
    """The whole-project run restricted to ``paths`` and the files coupled to them.

    A hook gets a few files, but a file's rewrite depends on its hierarchy: a base in
    another file converts or not, a subclass elsewhere calls the base's setUp. So the
    project (the root of each path) is planned as a whole, and the report keeps the given
    files plus every changed file that shares a hierarchy with one of them: writing only
    half of a hierarchy would leave a subclass calling a setUp that is gone.
    """
    roots = list(dict.fromkeys(_relative(project_root(p)) for p in paths))
    report, infos, aliases = _run(roots, replace(options, in_project=False), progress)
    given = [p.resolve() for p in paths]

    def inside(path: str) -> bool:
        resolved = Path(path).resolve()
        return any(resolved == g or g in resolved.parents for g in given)

    changed = {f.path for f in report.files if f.status is Status.CHANGED}
    wanted = {f.path for f in report.files if inside(f.path)}
    wanted |= coupled(infos, aliases, wanted) & changed
    return Report(tuple(f for f in report.files if f.path in wanted))


def _relative(path: Path) -> Path:
    """``path`` relative to the working directory when it is below it (report paths and
    patch headers then read as the user's own)."""
    try:
        return path.relative_to(Path.cwd().resolve()) if path != Path.cwd().resolve() else Path()
    except ValueError:
        return path


def coupled(
    infos: Mapping[str, ModuleInfo], aliases: Mapping[str, str], paths: set[str]
) -> set[str]:
    """The files whose classes share a hierarchy (through any MRO) with a class of
    ``paths``, transitively."""
    model = Hierarchy(list(infos.values()), aliases)
    by_module = {info.module: path for path, info in infos.items()}
    links: list[tuple[str, str]] = []
    for path, info in infos.items():
        for cls in info.classes:
            if cls.qualname not in model.classes:
                continue
            for entry in model.mro(cls.qualname):
                owner = model.classes.get(entry)
                other = by_module.get(owner.module) if owner else None
                if other is not None:
                    links.append((other, path))
    root = linked_roots(infos, links)
    wanted = {root[p] for p in paths if p in root}
    return {p for p in infos if root[p] in wanted}


def _run(
    paths: Iterable[Path | str], options: Options, progress: Progress | None
) -> tuple[Report, dict[str, ModuleInfo], Mapping[str, str]]:
    """The run, with the index and module aliases it planned with."""
    paths = [Path(p) for p in paths]
    units = discover(
        [Path(p) for p in paths],
        include=options.include,
        exclude=options.exclude + options.extend_exclude,
        all_files=options.all_files,
        gitignore=options.gitignore,
    )
    units = collected(units, [Path(p) for p in paths], options)
    jobs = options.jobs or os.cpu_count() or 1
    start_phase(progress, "indexing", len(units))
    indexed = parallel_map(_index_one, units, jobs, progress)
    results: dict[str, FileResult] = {i.unit_path: i.result for i in indexed if i.result}
    infos = {i.unit_path: i.info for i in indexed if i.info is not None}
    tests = {str(u.path) for u in units if u.is_test}
    outside: Counter[str] = Counter()
    for item in indexed:
        outside.update(item.names)
    if _moves_named_files(infos.values()):
        outside.update(_root_mentions([Path(p) for p in paths], units))
    skipped = {
        u.module: (u.path, u.module)
        for u in units
        if str(u.path) not in infos and results[str(u.path)].status is Status.SKIPPED
    }
    added, aliases = complete(infos, skipped, _search_roots([Path(p) for p in paths], units))
    for path, info in added.items():
        infos[path] = info
        if not info.read_only:
            results.pop(path, None)  # a skipped file of the run, indexed after all
    infos = _unique_modules(infos)
    # Handlers added to a logger imported from another module: named or not, now known.
    infos = loggers.settle(infos, aliases)
    named = (
        {i.unit_path: i.fragments for i in indexed if i.fragments},
        {unit.module: str(unit.path) for unit in units},
        {path: info.aliases.values() for path, info in infos.items()},
    )
    data = data_folders(units, *named)
    for unit in units:
        path = str(unit.path)
        reason = data.get(path) or (
            unwritable(unit.path) if unit.is_test or path in infos else None
        )
        if reason is not None:
            if path in infos:
                infos[path] = replace(infos[path], read_only=True, locked=reason)
            results[path] = FileResult(path, Status.SKIPPED, error=reason)
    withheld = {(path, name): why for path, name, why in options.withheld}
    start_phase(progress, "planning", 0)
    config = pytest_config.load([Path(p) for p in paths]) if options.pytest_config else None
    classes = config.python_classes if config else pytest_config.PYTHON_CLASSES
    planned = _plan_and_rewrite(infos, tests, jobs, outside, aliases, withheld, progress, classes)
    results.update((p, r) for p, r in planned.items() if not infos[p].read_only)
    # Files of a folder the suite names as data (a sample project) are not tests pytest
    # misses: the note about test-file patterns leaves them out.
    samples = data_folders([replace(u, is_test=True) for u in units if not u.is_test], *named)
    for path in samples:
        if results[path].outside_patterns:
            results[path] = replace(results[path], outside_patterns=0)
    return Report(tuple(results[str(u.path)] for u in units)), infos, aliases


def _unique_modules(infos: dict[str, ModuleInfo]) -> dict[str, ModuleInfo]:
    """Files that share a module name (rootdir-style folders without ``__init__.py``, a run
    over several projects) are indexed again under names no import can spell, so that they
    never share index entries; an import of the shared name resolves to none of them (which
    one Python would load depends on ``sys.path`` and import order), so a class deriving
    from it is refused (MF105) rather than guessed."""
    by_name: dict[str, list[str]] = {}
    for path, info in infos.items():
        by_name.setdefault(info.module, []).append(path)
    out = dict(infos)
    for name, paths in by_name.items():
        if len(paths) < 2:
            continue
        for number, path in enumerate(sorted(paths), start=1):
            source = decode(Path(path).read_bytes())
            unique = index_module(source.text, f"{name}#{number}", path)
            out[path] = replace(unique, read_only=infos[path].read_only)
    return out


def collected(units: list[Unit], paths: list[Path], options: Options) -> list[Unit]:
    """The units, with only those pytest collects marked as tests (see ``pytest_config``).
    Files pytest does not collect are still indexed (their classes may be bases)."""
    if options.pytest_collect:
        modules = pytest_config.collect_only(paths)
        if modules is not None:
            return [replace(u, is_test=u.path.resolve() in modules) for u in units]
    config = pytest_config.load([Path(p) for p in paths]) if options.pytest_config else None
    if config is None:
        return units
    # The project's python_files decide what a test file is, unless --include was given.
    by_config = config.configured_files and options.include == DEFAULT_INCLUDE
    out = []
    for unit in units:
        test = options.all_files or (config.matches(unit.path) if by_config else unit.is_test)
        out.append(replace(unit, is_test=test and not config.excludes(unit.path, paths)))
    return out


def _moves_named_files(infos: Iterable[ModuleInfo]) -> bool:
    """Whether any setup of the run has a fixed path or a file name the plan might move."""
    for info in infos:
        for cls in info.classes:
            for facts in cls.methods.values():
                if any(site.kind in ("fixed", "relative") for site in facts.temp_sites):
                    return True
        for facts in info.functions.values():
            if any(site.kind in ("fixed", "relative") for site in facts.temp_sites):
                return True
    return False


def _root_mentions(paths: list[Path], units: Sequence[Unit]) -> Counter[str]:
    """Quoted file names in the project's files outside the run (application code, other
    tests): a path a setup would move must not be one of them."""
    inside = {u.path.resolve() for u in units}
    counts: Counter[str] = Counter()
    for root in {project_root(p) for p in paths}:
        for path in discover([root], all_files=True, gitignore=False):
            if path.path.resolve() in inside:
                continue
            try:
                text = path.path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            counts.update(file_literals(text))
    return counts


def _search_roots(paths: list[Path], units: Sequence[Unit]) -> list[Path]:
    """Where modules outside the run are looked for: the project root of each path, and the
    folder pytest puts on ``sys.path`` for each test file (its first ancestor that is not a
    package: rootdir-style ``from helpers import Base``)."""
    roots = [project_root(p) for p in paths]
    for unit in units:
        folder = unit.path.resolve().parent
        while (folder / "__init__.py").exists() and folder.parent != folder:
            folder = folder.parent
        roots.append(folder)
    return list(dict.fromkeys(roots))


def _plan_and_rewrite(
    infos: dict[str, ModuleInfo],
    tests: set[str],
    jobs: int,
    outside: Mapping[str, int],
    aliases: Mapping[str, str] | None = None,
    withheld: Mapping[tuple[str, str], str] | None = None,
    progress: Progress | None = None,
    python_classes: tuple[str, ...] = pytest_config.PYTHON_CLASSES,
) -> dict[str, FileResult]:
    """Plan, rewrite, and plan again without the files that could not be rewritten."""
    broken: dict[str, FileResult] = {}
    done: dict[str, FileResult] = {}
    previous: dict[str, FilePlan] = {}
    for _attempt in range(5):
        live = [info for path, info in infos.items() if path not in broken]
        plans = plan_run(live, outside, aliases, withheld, python_classes)
        selected = _rewrite_set(plans, live, tests, aliases)
        wanted = {p for p in selected if plans[p].changes}
        # Only files whose plan changed since the last round are rewritten again.
        done = {p: r for p, r in done.items() if p in wanted and previous.get(p) == plans[p]}
        tasks = [(Path(p), plans[p]) for p in sorted(wanted - set(done))]
        start_phase(progress, "rewriting", len(tasks))
        done.update((r.path, r) for r in parallel_map(_rewrite_one, tasks, jobs, progress))
        previous = plans
        newly = {p: r for p, r in done.items() if r.status in (Status.FAILED, Status.UNPARSABLE)}
        if not newly:
            break
        broken.update(newly)
        done = {p: r for p, r in done.items() if p not in newly}
    unselected = _outside_patterns(live, selected, aliases)
    out: dict[str, FileResult] = {}
    for path, info in infos.items():
        if path in broken:
            result = broken[path]
        elif path in done:
            result = done[path]
        else:
            refusals = plans[path].refusals if path in selected else ()
            result = FileResult(path, Status.UNCHANGED, refusals=refusals)
            if path not in selected and not info.read_only:
                result = replace(result, outside_patterns=unselected.get(path, 0))
        if path in selected:
            result = replace(result, found=info.lifecycle_count, hazards=plans[path].hazards)
        out[path] = result
    return out


def _rewrite_set(
    plans: dict[str, FilePlan],
    infos: list[ModuleInfo],
    tests: set[str],
    aliases: Mapping[str, str] | None = None,
) -> set[str]:
    """Test files, plus the files of every class their test classes inherit from (through
    re-exports and namespace-package names, as the plan resolves them)."""
    model = Hierarchy(infos, aliases)
    by_module = {info.module: info for info in infos}
    by_path = {info.path: info for info in infos}
    selected = {p for p in plans if p in tests and not by_path[p].read_only}
    for path in list(selected):
        for cls in by_path[path].classes:
            if cls.qualname not in model.classes:
                continue
            for entry in model.mro(cls.qualname):
                owner = model.classes.get(entry)
                found = by_module.get(owner.module) if owner else None
                if found is not None and not found.read_only:
                    selected.add(found.path)
    return selected


def _outside_patterns(
    infos: list[ModuleInfo], selected: set[str], aliases: Mapping[str, str] | None
) -> dict[str, int]:
    """Lifecycle methods of the files of the run that no test-file pattern selected but
    that hold unittest tests (a TestCase with ``test*`` methods): ``testSchema.py`` or
    ``tests.py`` under the default ``test_*.py`` and ``*_test.py``. pytest would not collect
    them either; the report names them so that a run converting nothing says why."""
    model = Hierarchy(infos, aliases)
    out: dict[str, int] = {}
    for info in infos:
        if info.path in selected or info.read_only or not info.lifecycle_count:
            continue
        for cls in info.classes:
            if cls.qualname in model.classes and _has_tests(model, cls.qualname):
                out[info.path] = info.lifecycle_count
                break
    return out


def _has_tests(model: Hierarchy, qualname: str) -> bool:
    """A test class with a ``test*`` method of its own or inherited from the run."""
    if not model.is_test_class(qualname):
        return False
    run = [model.classes[k] for k in model.mro(qualname) if k in model.classes]
    return any(a.startswith("test") for c in run for a in c.attrs)


class WriteError(Exception):
    """A write failed; every file already replaced was put back."""

    def __init__(self, path: str, reason: str, restored: int) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path, self.reason, self.restored = path, reason, restored


def write_changes(report: Report) -> list[str]:
    """Write every changed file, all or nothing, keeping encoding, BOM and newlines.

    Every new file is prepared first (a synced temporary file beside the original); then
    each is renamed over its original. On any failure, Ctrl-C included, the files already
    replaced get their original bytes back and no temporary file stays. Returns the paths
    written.
    """
    changed = [r for r in report.files if r.status is Status.CHANGED and r.output is not None]
    prepared: list[tuple[Path, str, bytes]] = []
    done: list[tuple[Path, bytes]] = []
    current = ""
    try:
        for result in changed:
            current = result.path
            path = Path(result.path)
            original = path.read_bytes()
            new = decode(original).encode(result.output or "")
            prepared.append((path, prepare(path, new), original))
        for path, tmp, original in prepared:
            current = str(path)
            os.replace(tmp, path)
            done.append((path, original))
    except BaseException as exc:
        for _path, tmp, _original in prepared:
            discard(tmp)
        for path, original in reversed(done):
            atomic_write(path, original)
        if isinstance(exc, OSError):
            raise WriteError(current, exc.strerror or str(exc), len(done)) from exc
        raise
    return [str(path) for path, _ in done]
