"""Verification: run the original and the migrated suite and compare every test's outcome.

The user's tree is never touched: the project is copied twice into a scratch directory; the
baseline copy runs under pytest (serial unless told otherwise), the other copy is migrated
and runs under pytest-xdist. Outcomes are read by a small pytest plugin
(``migrator.outcomes_plugin``), keyed by node id, which is the same in both copies because
both have the same layout. A test whose outcome changed is run again on its own in both
copies, to tell a flaky test (its baseline is unstable too) from a regression.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from migrator.engine import Options, migrate_paths, write_changes
from migrator.outcomes_plugin import ENV, PROGRESS_ENV
from migrator.project import project_root
from migrator.results import Report, Status

# The folder holding the ``migrator`` package, so another interpreter can load the plugin.
PhaseCallback = Callable[[str, int, int], None]
PLUGIN_ROOT = str(Path(__file__).resolve().parent.parent)
COPY_IGNORE = shutil.ignore_patterns(
    ".git", "__pycache__", ".tox", ".nox", ".venv", "venv", ".pytest_cache", ".mypy_cache", "*.pyc"
)


@dataclass(frozen=True)
class RunResult:
    """One pytest run: outcome per node id, collection errors, exit code and wall time."""

    outcomes: dict[str, str]
    collection_errors: dict[str, str]
    returncode: int
    seconds: float
    output: str = ""
    fixture_setups: dict[str, int] = field(default_factory=dict)
    parallel: bool = False  # run with xdist workers: its wall time is not a serial one
    # The first failure of each failing test, ``Type: message`` (``outcomes_plugin``).
    failures: dict[str, str] = field(default_factory=dict)

    def setups_by_scope(self) -> dict[str, int]:
        """How often the migrated lifecycle fixtures were set up, by scope (all workers).

        Recognised by the names the tool gives (``_<class>_setup``, ``_<class>_class_setup``,
        ``_module_setup``); pytest's own wrappers around unittest methods are left out.
        """
        out = {"function": 0, "class": 0, "module": 0}
        for key, count in self.fixture_setups.items():
            scope, _, name = key.partition(":")
            generated = name.startswith("_") and not name.startswith(("_unittest", "_xunit"))
            if scope in out and generated and name.endswith("setup"):
                out[scope] += count
        return out


@dataclass(frozen=True)
class Change:
    nodeid: str
    before: str
    after: str
    # or "parallel", "race", "flaky" (see ``_classify``), "fixture-error" (see ``compare``)
    kind: str = "regression"


@dataclass(frozen=True)
class VerifyResult:
    """The comparison of a baseline run and a migrated run."""

    baseline: RunResult
    migrated: RunResult
    changes: tuple[Change, ...]
    only_before: tuple[str, ...]
    only_after: tuple[str, ...]
    migration: Report | None = None
    scratch: str | None = None
    # Files the migration rewrote, relative to the project root (as node ids spell them).
    migrated_files: tuple[str, ...] = ()

    @property
    def broken_modules(self) -> tuple[str, ...]:
        """Rewritten modules that did not collect, before or after: nothing about their
        tests was compared, so the migration of them is not verified."""
        errors = {*self.baseline.collection_errors, *self.migrated.collection_errors}
        files = {e.partition("::")[0] for e in errors}
        return tuple(sorted(f for f in self.migrated_files if f in files))

    @property
    def same(self) -> int:
        return sum(
            1 for k, v in self.baseline.outcomes.items() if self.migrated.outcomes.get(k) == v
        )

    @property
    def ok(self) -> bool:
        return (
            bool(self.baseline.outcomes)  # a run that compared nothing proves nothing
            and "<session>" not in self.baseline.collection_errors
            and "<session>" not in self.migrated.collection_errors
            and not self.changes
            and not self.only_before
            and not self.only_after
            and self.baseline.collection_errors.keys() == self.migrated.collection_errors.keys()
            and not self.broken_modules
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "compared": len(self.baseline.outcomes),
            "same": self.same,
            "changed": [c.__dict__ for c in self.changes],
            "only_before": list(self.only_before),
            "only_after": list(self.only_after),
            "collection_errors_before": sorted(self.baseline.collection_errors),
            "collection_errors_after": sorted(self.migrated.collection_errors),
            "migrated_modules_not_collected": list(self.broken_modules),
            "migrated_fixture_setups": self.migrated.setups_by_scope(),
            "baseline_seconds": round(self.baseline.seconds, 2),
            "migrated_seconds": round(self.migrated.seconds, 2),
            "migration": self.migration.summary() if self.migration else None,
            "scratch": self.scratch,
        }


def source_roots(cwd: Path) -> list[str]:
    """The run folder's ``src/`` (a src-layout project), to come first on the import path.

    Why: verify runs a copy of the project, but a project installed in development mode
    imports its package from the original folder. Tests inside the package that import
    their base classes by the package's name (``from zope.security.tests import Base``)
    would then get the original, unmigrated bases next to migrated subclasses. ``python -m
    pytest`` already puts the run folder itself first, which covers the flat layout.
    """
    src = cwd / "src"
    if not src.is_dir():
        return []
    shadowing = [e for e in src.iterdir() if e.name.split(".")[0] in sys.stdlib_module_names]
    if not shadowing:
        return [str(src)]
    return [str(_without_stdlib_names(src))]


def _without_stdlib_names(src: Path) -> Path:
    """A folder beside the run folder holding links to the entries of ``src`` that do not
    shadow a standard module. python-future's ``src/`` ships Python 2 shims named
    ``queue``, ``builtins``, ``http``...: first on the path, they would replace the
    standard modules (its installer leaves them out on Python 3)."""
    view = src.parent.parent / f"{src.parent.name}-src-path"
    view.mkdir(exist_ok=True)
    for entry in src.iterdir():
        link = view / entry.name
        if entry.name.split(".")[0] in sys.stdlib_module_names or link.exists():
            continue
        try:
            link.symlink_to(entry, target_is_directory=entry.is_dir())
        except OSError:
            return src  # no links here: the plain folder, as before
    return view


def run_pytest(
    cwd: Path,
    targets: Sequence[str],
    workers: str | int | None = None,
    dist: str = "load",
    extra: Sequence[str] = (),
    timeout: float | None = None,
    python: str = sys.executable,
    env_extra: Mapping[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Run pytest in a subprocess and read every test's outcome.

    ``python`` may be another environment's interpreter (one where the suite's own
    dependencies are installed); it needs pytest and pytest-xdist, and finds the outcome
    plugin through ``PYTHONPATH``.
    """
    with tempfile.TemporaryDirectory(prefix="mf-outcomes-") as scratch:
        out_file = Path(scratch) / "outcomes.json"
        cmd = [
            python,
            "-m",
            "pytest",
            "-p",
            "migrator.outcomes_plugin",
            "-p",
            "no:cacheprovider",
        ]
        if workers not in (None, 0, "0"):
            cmd += ["-p", "xdist", "-n", str(workers), "--dist", dist]
        cmd += ["-q", "-rN", *extra, *targets]
        paths = [PLUGIN_ROOT, *source_roots(cwd), *filter(None, [os.environ.get("PYTHONPATH")])]
        env = {
            # A verify started inside a pytest (an xdist worker, a test) must not hand that
            # run's identity to the suites it runs: a serial run would look parallel.
            **{k: v for k, v in os.environ.items() if not k.startswith(PYTEST_RUN_VARS)},
            ENV: str(out_file),
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONPATH": os.pathsep.join(paths),
            **(env_extra or {}),
        }
        started = time.perf_counter()
        if progress is None:
            proc = subprocess.run(
                cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
            )
        else:
            progress_file = Path(scratch) / "progress"
            env[PROGRESS_ENV] = str(progress_file)
            proc = _watched(cmd, cwd, env, timeout, progress_file, progress)
        seconds = time.perf_counter() - started
        if not out_file.exists():
            return RunResult(
                {},
                {"<session>": proc.stdout[-4000:] + proc.stderr[-4000:]},
                proc.returncode,
                seconds,
            )
        data = json.loads(out_file.read_text(encoding="utf-8"))
    return RunResult(
        _rooted(data["outcomes"], cwd),
        _rooted(data["collection_errors"], cwd),
        proc.returncode,
        seconds,
        proc.stdout[-4000:],
        data.get("fixture_setups", {}),
        parallel=workers not in (None, 0, "0"),
        failures=_rooted(data.get("failures", {}), cwd, values=True),
    )


def _watched(
    cmd: list[str],
    cwd: Path,
    env: dict[str, str],
    timeout: float | None,
    progress_file: Path,
    progress: Callable[[int, int], None],
) -> subprocess.CompletedProcess[str]:
    """Run pytest, calling ``progress(done, total)`` as its outcome plugin reports."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        deadline = None if timeout is None else time.monotonic() + timeout
        while proc.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                raise subprocess.TimeoutExpired(cmd, timeout or 0)
            _report_progress(progress_file, progress)
            time.sleep(0.1)
        _report_progress(progress_file, progress)  # the last count, written at the end
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(cmd, proc.returncode, out.read(), err.read())


def _report_progress(progress_file: Path, progress: Callable[[int, int], None]) -> None:
    try:
        done, total = map(int, progress_file.read_text().split())
    except (OSError, ValueError):
        return  # not written yet
    progress(done, total)


def _rooted(by_nodeid: Mapping[str, str], cwd: Path, *, values: bool = False) -> dict[str, str]:
    """Node ids with the tree's absolute path spelled ``<root>``: a parametrized test whose
    id holds a file path (``test_runfile[/tmp/.../baseline/data.txt]``) names the same test
    in the baseline copy and in the migrated one. ``values``: the values too (a failure
    message that names a file of the tree then reads the same in both copies)."""
    roots = sorted({str(cwd), str(cwd.resolve())}, key=len, reverse=True)

    def spelled(text: str) -> str:
        for root in roots:
            text = text.replace(root, "<root>")
        return text

    return {spelled(k): spelled(v) if values else v for k, v in by_nodeid.items()}


def compare(before: RunResult, after: RunResult) -> tuple[list[Change], list[str], list[str]]:
    """Changed outcomes, and the tests only one run has.

    A test that unittest reported failed and the migrated suite reports as an error, with
    the same exception and message, is a "fixture-error": the setUp (or tearDown) raised
    as before, and pytest reports a fixture's exception in the setup or teardown phase as
    an error (README, "Exact, and what is only close"). Still a difference, named apart so
    that it is not read as a behaviour change.
    """
    changes = [
        Change(k, v, after.outcomes[k], _kind(k, v, after.outcomes[k], before, after))
        for k, v in sorted(before.outcomes.items())
        if k in after.outcomes and after.outcomes[k] != v
    ]
    only_before = sorted(set(before.outcomes) - set(after.outcomes))
    only_after = sorted(set(after.outcomes) - set(before.outcomes))
    return changes, only_before, only_after


def _kind(nodeid: str, was: str, now: str, before: RunResult, after: RunResult) -> str:
    raised = before.failures.get(nodeid, "")
    if was == "failed" and now == "error" and raised and raised == after.failures.get(nodeid):
        return "fixture-error"
    return "regression"


CHUNK = 400


@dataclass(frozen=True)
class VerifyOptions:
    baseline_workers: str | int | None = None
    workers: str | int = "auto"
    dist: str = "load"
    pytest_args: tuple[str, ...] = ()
    timeout: float | None = None
    keep: bool = False
    rerun: bool = True
    migrate: Options = field(default_factory=Options)
    python: str = sys.executable
    # A baseline run of the same tree made before (the repair loop reuses it).
    baseline: RunResult | None = None
    # (file relative to the project root, class, reason): hierarchies kept unconverted.
    withhold: tuple[tuple[str, str, str], ...] = ()
    # Called with (phase, done, total) as verify goes: a progress display.
    progress: PhaseCallback | None = None


def _tell(options: VerifyOptions, phase: str, done: int = 0, total: int = 0) -> None:
    if options.progress is not None:
        options.progress(phase, done, total)


def _workers(workers: str | int, baseline: RunResult) -> str | int:
    """``auto`` is chosen from the baseline's measured wall time, as the scope advisor
    recommends (``advisor.verify_workers``: small suites get 2 workers, the fewest that still
    run tests side by side; large ones one per CPU)."""
    if workers != "auto" or baseline.parallel:
        return workers
    from migrator.advisor import verify_workers

    return verify_workers(baseline.seconds)


def verify(path: Path, options: VerifyOptions | None = None) -> VerifyResult:
    """Copy, run the baseline, migrate the copy, run it in parallel, compare."""
    options = options or VerifyOptions()
    root = project_root(path)
    rel = path.resolve().relative_to(root).as_posix() or "."
    scratch = Path(tempfile.mkdtemp(prefix="migrate-fixtures-verify-"))
    try:
        before_dir, after_dir = scratch / "baseline" / root.name, scratch / "migrated" / root.name
        _tell(options, "copying the project twice")
        shutil.copytree(root, before_dir, ignore=COPY_IGNORE, symlinks=True)
        shutil.copytree(root, after_dir, ignore=COPY_IGNORE, symlinks=True)
        migrate = options.migrate
        if options.withhold:
            migrate = replace(migrate, withheld=_under(options.withhold, after_dir))
        _tell(options, "migrating the copy")
        report = migrate_paths([after_dir / rel], migrate)
        if not report.failed:
            write_changes(report)
        run = _runner(options, rel)
        baseline = options.baseline or run(before_dir, options.baseline_workers, "baseline run")
        workers = _workers(options.workers, baseline)
        migrated = run(after_dir, workers, f"migrated run (-n {workers})")
        changes, only_before, only_after = compare(baseline, migrated)
        unexplained = [c for c in changes if c.kind == "regression"]
        if unexplained and options.rerun:
            _tell(options, f"re-running {len(unexplained)} changed test(s) alone")
            again = _classify(unexplained, before_dir, after_dir, options, workers)
            classified = {c.nodeid: c for c in again}
            changes = [classified.get(c.nodeid, c) for c in changes]
        return VerifyResult(
            baseline,
            migrated,
            tuple(changes),
            tuple(only_before),
            tuple(only_after),
            report,
            str(scratch) if options.keep else None,
            _rewritten(report, after_dir),
        )
    finally:
        if not options.keep:
            shutil.rmtree(scratch, ignore_errors=True)


# Variables pytest and pytest-xdist set for the run they belong to.
PYTEST_RUN_VARS = ("PYTEST_XDIST_", "PYTEST_CURRENT_TEST")

# One module that fails to import must not stop the comparison of all the others; its
# collection error is compared like an outcome.
KEEP_GOING = "--continue-on-collection-errors"


def _rewritten(report: Report, root: Path) -> tuple[str, ...]:
    out = []
    for result in report.files:
        if result.status is Status.CHANGED:
            path = Path(result.path).resolve()
            out.append(path.relative_to(root.resolve()).as_posix())
    return tuple(sorted(out))


def _runner(options: VerifyOptions, rel: str) -> Callable[[Path, str | int | None, str], RunResult]:
    extra = (KEEP_GOING, *(a for a in options.pytest_args if a != KEEP_GOING))

    def run(cwd: Path, workers: str | int | None, phase: str) -> RunResult:
        _tell(options, phase)
        tell = options.progress

        def progress(done: int, total: int) -> None:
            if tell is not None:
                tell(phase, done, total)

        return run_pytest(
            cwd,
            [rel],
            workers,
            options.dist,
            extra,
            options.timeout,
            options.python,
            progress=progress if tell is not None else None,
        )

    return run


def _classify(
    changes: list[Change],
    before_dir: Path,
    after_dir: Path,
    options: VerifyOptions,
    workers: str | int,
) -> list[Change]:
    """Run each changed test alone: twice in the baseline, once migrated; and where the
    migrated test alone behaves as the baseline did, both again in parallel.

    "flaky": the baseline itself gives different outcomes; "parallel": the baseline run in
    parallel gives the same different outcome, so the suite itself is not parallel-safe;
    "regression": the migrated test differs alone, or only in parallel while the baseline in
    parallel does not (a temporary directory moved under ``tmp_path`` gets a longer path
    under ``pytest-xdist``, too long for a Unix socket a program creates in it); "race": it
    differs only in the full parallel run, and the changed tests run in parallel on their
    own change on neither side (they share something with other tests, such as a file in
    the working directory). Every kind is a difference: verify is not OK.
    """
    ids = [c.nodeid for c in changes]

    def alone(cwd: Path, n: str | int | None = None, only: Sequence[str] = ids) -> RunResult:
        # Every changed test is checked again; in chunks, to keep command lines short.
        outcomes: dict[str, str] = {}
        # Node ids are kept with ``<root>`` for the tree (``_rooted``): this tree's, here.
        targets = [t.replace("<root>", str(cwd)) for t in only]
        for start in range(0, len(targets), CHUNK):
            result = run_pytest(
                cwd,
                targets[start : start + CHUNK],
                n,
                extra=options.pytest_args,
                timeout=options.timeout,
                python=options.python,
            )
            outcomes.update(result.outcomes)
        return RunResult(outcomes, {}, 0, 0.0)

    again = [alone(before_dir), alone(before_dir)]
    migrated = alone(after_dir)
    kinds: dict[str, str] = {}
    for change in changes:
        seen = {r.outcomes.get(change.nodeid) for r in again} | {change.before}
        if len(seen) > 1:
            kinds[change.nodeid] = "flaky"
        elif migrated.outcomes.get(change.nodeid) == change.before:
            kinds[change.nodeid] = "parallel"
        else:
            kinds[change.nodeid] = "regression"
    suspects = [n for n, kind in kinds.items() if kind == "parallel"]
    if suspects:
        parallel = alone(before_dir, workers, suspects)
        for nodeid in suspects:
            after = next(c.after for c in changes if c.nodeid == nodeid)
            if parallel.outcomes.get(nodeid) != after:
                kinds[nodeid] = "regression"
    unexplained = [n for n in suspects if kinds[n] == "regression"]
    if unexplained:
        # Neither side changes when only these tests run in parallel: the change needs the
        # other tests running at the same time (two tests writing the same file).
        own = alone(after_dir, workers, unexplained)
        for nodeid in unexplained:
            before = next(c.before for c in changes if c.nodeid == nodeid)
            if own.outcomes.get(nodeid) == before:
                kinds[nodeid] = "race"
    return [Change(c.nodeid, c.before, c.after, kinds[c.nodeid]) for c in changes]


@dataclass(frozen=True)
class Repair:
    """A converged verification: the last comparison, and what had to be withheld."""

    result: VerifyResult
    withheld: tuple[tuple[str, str, str], ...]
    rounds: int


def verify_and_repair(path: Path, options: VerifyOptions, rounds: int = 6) -> Repair:
    """Verify; withhold the hierarchies of every test that changed (and every module that
    stopped importing), migrate again and verify again, until nothing changes.

    The result is OK only when the last comparison is; ``withheld`` gives, as
    ``Options.withheld`` entries for the user's tree under ``path``, what stays unconverted.
    """
    root = project_root(path)
    withheld: dict[tuple[str, str], str] = {}
    baseline: RunResult | None = None
    result: VerifyResult | None = None
    number = 0
    while number < rounds:
        number += 1
        entries = tuple((p, c, why) for (p, c), why in sorted(withheld.items()))
        result = verify(path, replace(options, withhold=entries, baseline=baseline))
        baseline = result.baseline
        new = {k: v for k, v in _to_withhold(result).items() if k not in withheld}
        if result.ok or not new:
            break
        withheld.update(new)
    assert result is not None
    entries = tuple((p, c, why) for (p, c), why in sorted(withheld.items()))
    return Repair(result, _under(entries, root), number)


def _under(
    entries: tuple[tuple[str, str, str], ...], root: Path
) -> tuple[tuple[str, str, str], ...]:
    """``Options.withheld`` entries for the tree at ``root`` from root-relative ones."""
    return tuple((str((root / rel).resolve()), cls, why) for rel, cls, why in entries)


def _to_withhold(result: VerifyResult) -> dict[tuple[str, str], str]:
    """(file relative to the project root, class or "" for the whole module) -> reason, for
    every changed test, every test that vanished or appeared, and every module that no
    longer collects."""
    out: dict[tuple[str, str], str] = {}
    changed = [(c.nodeid, f"{c.before} -> {c.after}") for c in result.changes]
    changed += [(n, "ran before, not after") for n in result.only_before]
    changed += [(n, "ran after, not before") for n in result.only_after]
    for nodeid, what in changed:
        file, _, rest = nodeid.partition("::")
        cls = rest.split("::")[0] if "::" in rest else ""
        why = f"verify: {nodeid} {what}"
        out.setdefault((file, cls), why)
        if not cls:
            out.setdefault((file, ""), why)
    for nodeid in set(result.migrated.collection_errors) - set(result.baseline.collection_errors):
        file = nodeid.partition("::")[0]
        if file and file != "<session>":
            out.setdefault((file, "*"), f"verify: {file} no longer collects after migration")
    return out
