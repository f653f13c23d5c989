"""Write each corpus case's ``after/`` from what the tool produces now (review the diff!).

Usage: python scripts/regen_corpus.py [CASE...]
A case whose output equals its input gets no ``after/`` folder.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus import load_cases, migrate_copy


def main(names: list[str]) -> None:
    for case in load_cases():
        if names and case.name not in names:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            _report, files = migrate_copy(case, Path(tmp) / "work")
        after = case.folder / "after"
        shutil.rmtree(after, ignore_errors=True)
        if files == case.files(case.before):
            continue
        for rel, data in files.items():
            target = after / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        print(f"wrote {after}")


if __name__ == "__main__":
    main(sys.argv[1:])
