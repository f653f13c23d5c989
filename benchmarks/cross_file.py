"""What the run-wide class index buys: each file migrated alone versus one run over the tree.

    python benchmarks/cross_file.py [PATH]     (default: the interpreter's own test package)

Alone, a subclass whose base lives in another file cannot be planned and is refused (MF105);
in one run the hierarchy is planned as a whole.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import test as cpython_tests

from migrator.engine import Options, migrate_paths


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(cpython_tests.__file__))
    whole = migrate_paths([root], Options(jobs=2, all_files=True, gitignore=False))
    alone = refused = 0
    single = Options(jobs=1, all_files=True, gitignore=False)
    for path in sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts):
        report = migrate_paths([path], single)
        alone += report.converted
        refused += len(report.refusals)
    print(f"{root}")
    rows = [
        ("one file at a time", alone, refused),
        ("one run", whole.converted, len(whole.refusals)),
    ]
    for label, converted, refusals in rows:
        print(f"  {label:<20} {converted} lifecycle methods converted, {refusals} refusals")


if __name__ == "__main__":
    main()
