"""The scope advisor on the example suite: migrate, advise, apply; wall times in one run.

    python benchmarks/scope_advisor.py [--suite examples/slow_db_suite]

Copies the suite to a scratch folder; runs it as shipped (unittest setUp, pytest serial);
migrates it (function-scoped fixtures: the same time); runs ``advise --apply``; runs it
again. Prints the three wall times, the speed-up, and whether every test's outcome is the
same as the original's. Exit 1 when an outcome differs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from migrator.verify import run_pytest  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suite", default=str(ROOT / "examples" / "slow_db_suite"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch) / "suite"
        shutil.copytree(args.suite, work)
        original = run_pytest(work, ["."])
        cli = [sys.executable, "-m", "migrator"]
        subprocess.run([*cli, "migrate", str(work), "-q"], check=True)
        migrated = run_pytest(work, ["."])
        subprocess.run([*cli, "advise", str(work), "--apply"], check=True)
        advised = run_pytest(work, ["."])
    same = original.outcomes == migrated.outcomes == advised.outcomes and original.outcomes
    print(f"tests: {len(original.outcomes)}; outcomes identical: {bool(same)}")
    print(f"unittest setUp (pytest, serial):  {original.seconds:6.2f} s")
    print(f"migrated, function scope:         {migrated.seconds:6.2f} s")
    print(f"after advise --apply:             {advised.seconds:6.2f} s")
    print(f"speed-up: {original.seconds / advised.seconds:.1f}x")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
