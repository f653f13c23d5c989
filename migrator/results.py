"""Results as frozen, picklable values: what a worker returns and what reports are made of."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from transforms.codes import Refusal


class Status(str, Enum):
    """What happened to one file."""

    CHANGED = "changed"  # rewritten (or, with --check/--diff, would be)
    UNCHANGED = "unchanged"  # read and planned; nothing to rewrite
    SKIPPED = "skipped"  # no lifecycle method in it: never parsed by libcst
    UNPARSABLE = "unparsable"  # not valid Python (or not decodable): left alone
    FAILED = "failed"  # internal error: left alone, exit code 123


@dataclass(frozen=True)
class FileResult:
    """The outcome for one file. ``output`` holds the new text when it changed."""

    path: str
    status: Status
    refusals: tuple[Refusal, ...] = ()
    converted: tuple[tuple[str, str], ...] = ()
    output: str | None = None
    error: str | None = None
    found: int = 0
    hazards: tuple[Refusal, ...] = ()
    # Lifecycle methods of a file that holds unittest tests but matches no test-file pattern
    # (``testSchema.py``, ``tests.py``): left as is, and reported so that a run that
    # converts nothing says why.
    outside_patterns: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "status": self.status.value,
            "lifecycle_found": self.found,
            "changes": len(self.converted),
            "converted": [{"class": c, "method": m} for c, m in self.converted],
            "refusals": [r.as_dict() for r in self.refusals],
            "hazards": [h.as_dict() for h in self.hazards],
            "error": self.error,
            "lifecycle_outside_patterns": self.outside_patterns,
        }


@dataclass(frozen=True)
class Report:
    """Everything a run did, in input order."""

    files: tuple[FileResult, ...] = field(default=())

    def count(self, status: Status) -> int:
        return sum(1 for f in self.files if f.status is status)

    @property
    def refusals(self) -> tuple[Refusal, ...]:
        return tuple(r for f in self.files for r in f.refusals)

    @property
    def hazards(self) -> tuple[Refusal, ...]:
        return tuple(h for f in self.files for h in f.hazards)

    @property
    def converted(self) -> int:
        return sum(len(f.converted) for f in self.files)

    def refusals_by_code(self) -> dict[str, int]:
        return dict(sorted(Counter(r.code.value for r in self.refusals).items()))

    @property
    def changed(self) -> bool:
        return self.count(Status.CHANGED) > 0

    @property
    def failed(self) -> bool:
        return self.count(Status.FAILED) > 0

    def summary(self) -> dict[str, object]:
        return {
            "files": len(self.files),
            **{s.value: self.count(s) for s in Status},
            "lifecycle_methods_found": sum(f.found for f in self.files),
            "lifecycle_methods_converted": self.converted,
            "lifecycle_methods_outside_patterns": sum(f.outside_patterns for f in self.files),
            "refusals": len(self.refusals),
            "refusals_by_code": self.refusals_by_code(),
            "hazards": len(self.hazards),
            "hazards_by_code": dict(sorted(Counter(h.code.value for h in self.hazards).items())),
        }

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": "migrate",
            "version": 1,
            "summary": self.summary(),
            "files": [f.as_dict() for f in self.files],
        }
