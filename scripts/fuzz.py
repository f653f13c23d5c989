"""Longer differential fuzzing runs than the test suite makes (see ``tests/fuzzing.py``).

    python scripts/fuzz.py [--examples N] [--seed S] [--out DIR]

Draws N batches of generated unittest modules, checks each batch (migrate, run before and
after, serially and with ``pytest -n 2``, compare per-test outcomes and event traces), prints
a count of programs and of problems, and writes every failing batch's modules and problems to
``--out`` for reading. Exit status 1 when anything differed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, assume, given, seed, settings

from tests.fuzzing import COUNTS, Program, check_batch, render, valid
from tests.test_fuzz import BATCHES


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    args = parser.parse_args()
    stats = {"batches": 0, "programs": 0, "failing": 0}

    @settings(
        max_examples=args.examples,
        deadline=None,
        phases=[Phase.generate],
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(BATCHES)
    def one(batch: tuple[Program, ...]) -> None:
        assume(valid(batch))
        stats["batches"] += 1
        stats["programs"] += len(batch)
        with tempfile.TemporaryDirectory(prefix="mf-fuzz-") as tmp:
            problems = check_batch(list(batch), Path(tmp))
        if problems:
            stats["failing"] += 1
            folder = args.out / f"batch{stats['batches']}"
            folder.mkdir(parents=True, exist_ok=True)
            for program in batch:
                (folder / f"test_{program.name}.py").write_text(render(program))
            (folder / "problems.txt").write_text("\n".join(problems) + "\n")
            print(f"batch {stats['batches']}: {len(problems)} problems -> {folder}", flush=True)

    seed(args.seed)(one)()
    print(
        f"{stats['batches']} batches, {stats['programs']} programs,"
        f" {stats['failing']} batches with differences; lifecycle methods found"
        f" {COUNTS['found']}, converted {COUNTS['converted']}, refusals {COUNTS['refused']}"
    )
    return 1 if stats["failing"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
