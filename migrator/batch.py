"""``migrate-fixtures batch``: migrate many local git repositories, one branch and commit each.

For each repository: refuse a dirty work tree; migrate it with its own
``[tool.migrate-fixtures]`` configuration; optionally verify with its own interpreter; then
commit the new files on a new branch made from HEAD. The commit is built in the object
database (pygit2): the checkout, the index and the current branch are never touched, and
nothing is pushed. One JSON record per repository says what happened.

Idempotent: a second run finds the branch already holding the same tree and does nothing.
Resumable: records of the same tool version in the ``--jsonl`` file are not redone.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pygit2

from migrator.config import ConfigError, find_pyproject, load_defaults
from migrator.engine import Options, migrate_paths
from migrator.results import Report, Status
from migrator.sourcefile import decode

MIGRATED, NOTHING, ALL_REFUSED, VERIFY_FAILED, ERROR = (
    "migrated",
    "nothing to do",
    "all refused",
    "verify failed",
    "error",
)
DONE = (MIGRATED, NOTHING, ALL_REFUSED)
_OPTION_KEYS = ("include", "exclude", "extend_exclude", "all_files", "gitignore", "pytest_config")


def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("migrate-fixtures")
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class BatchOptions:
    """How each repository is migrated and committed."""

    branch: str = "migrate-fixtures/{date}"
    verify: bool = False
    python: str | None = None  # default: the repository's .venv, else this interpreter
    author_name: str | None = None
    author_email: str | None = None


@dataclass
class Record:
    """One repository's outcome (one JSON line)."""

    repo: str
    status: str
    tool_version: str = field(default_factory=tool_version)
    branch: str | None = None
    commit: str | None = None
    files_changed: int = 0
    lifecycle_found: int = 0
    converted: int = 0
    refusals_by_code: dict[str, int] = field(default_factory=dict)
    verify: dict[str, Any] | None = None
    error: str | None = None
    seconds: float = 0.0

    def as_json(self) -> str:
        return json.dumps({"kind": "batch-repository", "version": 1, **asdict(self)})


def repositories(paths: Iterable[str], listing: Path | None) -> list[Path]:
    """The given paths plus those listed in ``listing`` (one per line; ``#`` comments)."""
    out = [Path(p) for p in paths]
    if listing is not None:
        for line in listing.read_text(encoding="utf-8").splitlines():
            text = line.split("#", 1)[0].strip()
            if text:
                out.append((listing.parent / text) if not Path(text).is_absolute() else Path(text))
    return list(dict.fromkeys(p.resolve() for p in out))


def finished(jsonl: Path | None) -> set[str]:
    """Repositories a run of this tool version already finished, from a JSON Lines file."""
    if jsonl is None or not jsonl.exists():
        return set()
    done = set()
    version = tool_version()
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue  # a line cut by an interrupted run
        if item.get("tool_version") == version and item.get("status") in DONE:
            done.add(item["repo"])
    return done


def run_batch(
    repos: Sequence[Path],
    options: BatchOptions,
    jobs: int = 1,
    on_record: Callable[[Record], None] | None = None,
) -> list[Record]:
    """Migrate every repository; ``on_record`` sees each record as it is finished."""
    records: list[Record] = []

    def take(record: Record) -> None:
        records.append(record)
        if on_record is not None:
            on_record(record)

    if jobs <= 1 or len(repos) <= 1:
        for repo in repos:
            take(migrate_repository(repo, options))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for record in pool.map(migrate_repository, repos, [options] * len(repos)):
                take(record)
    return records


def migrate_repository(path: Path, options: BatchOptions, jobs: int = 1) -> Record:
    """One repository, never raising: an unexpected error is an ``error`` record."""
    start = time.perf_counter()
    try:
        record = _migrate(path, options, jobs)
    except (pygit2.GitError, KeyError, ConfigError, OSError, ValueError) as exc:
        record = Record(str(path), ERROR, error=f"{type(exc).__name__}: {exc}")
    record.seconds = round(time.perf_counter() - start, 2)
    return record


def _migrate(path: Path, options: BatchOptions, jobs: int) -> Record:
    found = pygit2.discover_repository(str(path))
    if found is None:
        return Record(str(path), ERROR, error="not a git repository")
    repo = pygit2.Repository(found)
    if repo.is_bare or repo.workdir is None:
        return Record(str(path), ERROR, error="a bare repository has no work tree")
    workdir = Path(repo.workdir).resolve()
    dirty = _dirty(repo)
    if dirty:
        return Record(str(path), ERROR, error=f"dirty work tree ({len(dirty)} path(s): {dirty[0]})")
    if repo.head_is_unborn:
        return Record(str(path), ERROR, error="no commit yet")
    report = migrate_paths([workdir], _options(workdir, jobs))
    record = _counts(Record(str(path), NOTHING), report)
    if report.failed or report.count(Status.UNPARSABLE):
        bad = [f.path for f in report.files if f.status in (Status.FAILED, Status.UNPARSABLE)]
        return replace(record, status=ERROR, error=f"could not read or rewrite {bad[0]}")
    if not report.changed:
        return replace(record, status=ALL_REFUSED if report.refusals else NOTHING)
    if options.verify:
        record.verify = _verify(workdir, options)
        if not record.verify["ok"]:
            return replace(record, status=VERIFY_FAILED)
    return _commit(repo, workdir, report, record, options)


def _dirty(repo: pygit2.Repository) -> list[str]:
    ignored = pygit2.enums.FileStatus.IGNORED
    return sorted(p for p, flags in repo.status().items() if flags != ignored)


def _options(workdir: Path, jobs: int) -> Options:
    """The repository's own ``[tool.migrate-fixtures]`` (its pyproject at the root)."""
    defaults = load_defaults(find_pyproject([str(workdir)]))
    chosen = {k: v for k, v in defaults.items() if k in _OPTION_KEYS}
    return replace(Options(jobs=jobs), **chosen)


def _counts(record: Record, report: Report) -> Record:
    return replace(
        record,
        files_changed=report.count(Status.CHANGED),
        lifecycle_found=sum(f.found for f in report.files),
        converted=report.converted,
        refusals_by_code=report.refusals_by_code(),
    )


def _interpreter(workdir: Path, options: BatchOptions) -> str:
    if options.python:
        return options.python
    for candidate in (".venv/bin/python", "venv/bin/python", ".venv/Scripts/python.exe"):
        if (workdir / candidate).exists():
            return str(workdir / candidate)
    return sys.executable


def _verify(workdir: Path, options: BatchOptions) -> dict[str, Any]:
    from migrator.verify import VerifyOptions, verify

    python = _interpreter(workdir, options)
    result = verify(workdir, VerifyOptions(python=python, migrate=_options(workdir, 1)))
    return {
        "ok": result.ok,
        "python": python,
        "tests_compared": len(result.baseline.outcomes),
        "changed": len(result.changes),
        "baseline_seconds": round(result.baseline.seconds, 2),
        "migrated_seconds": round(result.migrated.seconds, 2),
    }


def _commit(
    repo: pygit2.Repository, workdir: Path, report: Report, record: Record, options: BatchOptions
) -> Record:
    branch = options.branch.format(date=date.today().isoformat(), version=tool_version())
    head = repo.head.peel(pygit2.Commit)
    index = pygit2.Index()
    index.read_tree(head.tree)
    for result in report.files:
        if result.status is not Status.CHANGED or result.output is None:
            continue
        file = Path(result.path).resolve()
        rel = file.relative_to(workdir).as_posix()
        if rel not in index:
            # An ignored file (the run was told not to honour .gitignore): committing it
            # would add a file, leaving it out would commit half a hierarchy.
            return replace(record, status=ERROR, error=f"would change an untracked file: {rel}")
        data = decode(file.read_bytes()).encode(result.output)
        mode = index[rel].mode
        index.add(pygit2.IndexEntry(rel, repo.create_blob(data), mode))
    tree = index.write_tree(repo)
    ref = f"refs/heads/{branch}"
    existing = repo.references.get(ref)
    if existing is not None:
        tip = existing.peel(pygit2.Commit)
        if tip.tree_id == tree:
            return replace(record, status=NOTHING, branch=branch, commit=str(tip.id))
        return replace(record, status=ERROR, branch=branch, error=f"branch {branch} exists")
    author = _signature(repo, options)
    message = commit_message(record)
    commit = repo.create_commit(ref, author, author, message, tree, [head.id])
    return replace(record, status=MIGRATED, branch=branch, commit=str(commit))


def _signature(repo: pygit2.Repository, options: BatchOptions) -> pygit2.Signature:
    if options.author_name and options.author_email:
        return pygit2.Signature(options.author_name, options.author_email)
    try:
        default = repo.default_signature
    except KeyError as exc:
        raise KeyError("no author: set user.name/user.email in git config or --author") from exc
    name = options.author_name or default.name
    email = options.author_email or default.email
    return pygit2.Signature(name, email)


def commit_message(record: Record) -> str:
    refused = ", ".join(f"{code} x{n}" for code, n in record.refusals_by_code.items()) or "none"
    lines = [
        "Migrate unittest lifecycles to pytest fixtures",
        "",
        f"Converted {record.converted} of {record.lifecycle_found} lifecycle methods"
        f" in {record.files_changed} file(s).",
        f"Refused: {refused}.",
    ]
    if record.verify is not None:
        lines.append(
            f"Verify: every outcome the same ({record.verify['tests_compared']} tests compared,"
            f" pytest-xdist)."
        )
    else:
        lines.append("Verify: not run.")
    lines += ["", f"Made by migrate-fixtures {record.tool_version}."]
    return "\n".join(lines) + "\n"
