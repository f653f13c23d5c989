"""Migrate and verify the public suites listed in ``shared/realworld/public.tsv``.

For each row: download the sdist from the package index (never committed), unpack it into a
scratch folder, make a throwaway virtualenv with pytest, pytest-xdist and the package's own
install command, then run ``verify`` on its test directory with that virtualenv's Python.
Prints one row per package and, with ``--json FILE``, writes every number.

    python scripts/realworld.py [--tsv PATH] [--only NAME ...] [--workers N] [--json FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import shlex
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from migrator.engine import Options
from migrator.verify import VerifyOptions, VerifyResult, verify

DEFAULT_TSV = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "public.tsv"


@dataclass(frozen=True)
class Row:
    spec: str
    test_dir: str
    install: str
    run: str
    # Test-file patterns for a suite whose files the default ``test_*.py``/``*_test.py`` miss
    # (the optional ``include`` column, comma-separated: ``test*.py``); () for the default.
    include: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.spec.split("==")[0]

    def pytest_extra(self) -> tuple[str, ...]:
        """The run command's arguments after the test target (``--continue-on-...``)."""
        words = shlex.split(self.run)
        if self.test_dir in words:
            return tuple(w for w in words[words.index(self.test_dir) + 1 :])
        return ()


def read_rows(tsv: Path) -> list[Row]:
    with tsv.open(encoding="utf-8") as handle:
        return [
            Row(r["spec"], r["test_dir"], r["install"], r["run"], _patterns(r.get("include")))
            for r in csv.DictReader(handle, delimiter="\t")
        ]


def _patterns(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").split(",") if p.strip())


def migrate_options(row: Row) -> Options:
    """How the row's suite is migrated: its own test-file patterns, when it has some."""
    if row.include:
        return Options(gitignore=False, include=row.include)
    return Options(gitignore=False)


def _sh(cmd: list[str] | str, cwd: Path | None = None, timeout: float = 900) -> None:
    subprocess.run(
        cmd, cwd=cwd, check=True, timeout=timeout, shell=isinstance(cmd, str), capture_output=True
    )


def unpack(archive: Path, folder: Path) -> Path:
    """Unpack an sdist into ``folder``; its top folder."""
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(folder)
    else:
        with tarfile.open(archive) as tarred:
            tarred.extractall(folder, filter="data")
    return next(p for p in folder.iterdir() if p.is_dir())


def prepare(row: Row, scratch: Path) -> tuple[Path, str]:
    """Download and unpack the sdist; build its virtualenv. Returns (project root, python)."""
    download = scratch / "download"
    _sh(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--no-binary",
            ":all:",
            row.spec,
            "-d",
            str(download),
        ]
    )
    root = unpack(next(download.iterdir()), scratch / "src")
    venv = scratch / "venv"
    _sh([sys.executable, "-m", "venv", str(venv)])
    python = str(venv / "bin" / "python")
    _sh([python, "-m", "pip", "install", "--quiet", "pytest", "pytest-xdist"])
    install = row.install.replace("pip install", f"{shlex.quote(python)} -m pip install --quiet", 1)
    _sh(install, cwd=root)
    return root, python


def run_row(row: Row, workers: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix=f"mf-realworld-{row.name}-") as tmp:
        started = time.perf_counter()
        root, python = prepare(row, Path(tmp))
        options = VerifyOptions(
            workers=workers,
            pytest_args=row.pytest_extra(),
            timeout=1800,
            python=python,
            migrate=migrate_options(row),
        )
        result = verify(root / row.test_dir, options)
        return summarise(row, result, time.perf_counter() - started)


def summarise(row: Row, result: VerifyResult, seconds: float) -> dict[str, object]:
    report = result.migration
    codes = Counter(r.code.value for r in report.refusals) if report else Counter()
    return {
        "package": row.spec,
        "found": report.summary()["lifecycle_methods_found"] if report else 0,
        "converted": report.converted if report else 0,
        "refused": dict(sorted(codes.items())),
        "compared": len(result.baseline.outcomes),
        "changed": len(result.changes),
        "changes": [c.__dict__ for c in result.changes],
        "only_before": len(result.only_before),
        "only_after": len(result.only_after),
        "collection_errors": [
            len(result.baseline.collection_errors),
            len(result.migrated.collection_errors),
        ],
        "baseline_s": round(result.baseline.seconds, 1),
        "migrated_s": round(result.migrated.seconds, 1),
        "total_s": round(seconds, 1),
        "ok": result.ok,
    }


def _table_row(data: dict[str, object]) -> str:
    codes = data["refused"]
    refused = ", ".join(f"{k}: {v}" for k, v in codes.items()) if isinstance(codes, dict) else ""
    cells = [data["package"], data["found"], data["converted"], refused or "-", data["compared"]]
    cells += [_changed_cell(data), data["baseline_s"], data["migrated_s"]]
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _changed_cell(data: dict[str, object]) -> str:
    """``12 (flaky 10, regression 2)``: the count, and its kinds when any is not a plain
    regression (see ``migrator.verify._classify``)."""
    changes = data.get("changes")
    kinds = Counter(str(c.get("kind")) for c in changes) if isinstance(changes, list) else {}
    if not kinds or set(kinds) == {"regression"}:
        return str(data["changed"])
    return f"{data['changed']} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tsv", type=Path, default=DEFAULT_TSV)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--workers", default="2")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    rows = [r for r in read_rows(args.tsv) if not args.only or r.name in args.only]
    print(
        "| package | found | converted | refused | compared | changed | baseline s | migrated s |"
    )
    print("|---|---|---|---|---|---|---|---|")
    results = []
    for row in rows:
        try:
            data = run_row(row, args.workers)
        except (subprocess.SubprocessError, OSError, StopIteration) as exc:
            data = {"package": row.spec, "error": f"{type(exc).__name__}: {exc}"[:300], "ok": False}
            print(f"| {row.spec} | error: {data['error']} |", flush=True)
            results.append(data)
            continue
        results.append(data)
        print(_table_row(data), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0 if all(r.get("ok") for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
