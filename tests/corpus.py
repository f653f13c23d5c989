"""Loading and migrating the runnable cases of ``fixtures_corpus/``.

A case is a folder: ``before/`` (a real unittest suite that runs under pytest), ``after/``
(exactly what the tool writes; absent when nothing may change) and ``case.json``
(description, the exact refusal codes expected, optionally the paths of the run and any
documented per-test outcome change).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from migrator.engine import Options, migrate_paths
from migrator.results import Report
from migrator.sourcefile import decode

CORPUS = Path(__file__).resolve().parent.parent / "fixtures_corpus"


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path
    description: str
    refusals: tuple[str, ...]
    paths: tuple[str, ...] = ()
    hazards: tuple[str, ...] = ()
    outcome_changes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def before(self) -> Path:
        return self.folder / "before"

    @property
    def after(self) -> Path:
        """Expected output; a case without ``after/`` must come out unchanged."""
        after = self.folder / "after"
        return after if after.exists() else self.before

    def files(self, side: Path) -> dict[str, bytes]:
        return {
            p.relative_to(side).as_posix(): p.read_bytes()
            for p in sorted(side.rglob("*.py"))
            if "__pycache__" not in p.parts
        }


def load_cases() -> list[Case]:
    cases = []
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "case.json").exists()):
        meta = json.loads((folder / "case.json").read_text(encoding="utf-8"))
        cases.append(
            Case(
                name=folder.name,
                folder=folder,
                description=meta["description"],
                refusals=tuple(meta["refusals"]),
                paths=tuple(meta.get("paths", ())),
                hazards=tuple(meta.get("hazards", ())),
                outcome_changes=meta.get("outcome_changes", {}),
            )
        )
    return cases


def migrate_copy(case: Case, workdir: Path) -> tuple[Report, dict[str, bytes]]:
    """Copy ``before/`` into ``workdir``, migrate it in memory, return report and new bytes."""
    shutil.copytree(case.before, workdir, dirs_exist_ok=True)
    targets = [workdir / p for p in case.paths] or [workdir]
    report = migrate_paths(targets, Options(jobs=1))
    out = case.files(workdir)
    for result in report.files:
        if result.output is not None:
            rel = Path(result.path).resolve().relative_to(workdir.resolve()).as_posix()
            out[rel] = decode(Path(result.path).read_bytes()).encode(result.output)
    return report, out
