"""Speed on suites whose setups use temporary directories: the tool next to a bare libcst
round trip of the same files, measured in one run.

    python benchmarks/temp_paths.py [--files N] [--jobs J] [--repeat R]

Generates N test modules (several classes each; setUp makes a ``tempfile.mkdtemp()`` that
tearDown removes with ``shutil.rmtree``, so every file has its paths moved and its
``shutil``/``tempfile`` imports checked), then times a bare ``libcst.parse_module(...).code``
of every file and the tool (index, plan, rewrite; nothing written), as a run with the
tool's defaults does it: one worker per core unless ``--jobs`` says otherwise. Prints both
and their ratio (with ``--repeat``, each pair timed back to back and the median ratio: the
machine is noisy); the target is a ratio of at most 1.3 at the default job count. With
``--jobs 1`` the tool parses every file twice (``ast`` for the whole-run index, libcst for
the files it rewrites) in one process, where the bare round trip parses once.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import libcst as cst

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from migrator.engine import Options, migrate_paths

CLASS = """

class Case{n}(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.path = os.path.join(self.tmp, "data{n}.txt")
        with open(self.path, "w") as handle:
            handle.write("x" * {n})

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_size(self):
        self.assertEqual(os.path.getsize(self.path), {n})

    def test_name(self):
        self.assertTrue(self.path.endswith("data{n}.txt"))
"""


def generate(folder: Path, count: int) -> list[Path]:
    files = []
    for index in range(count):
        body = "import os\nimport shutil\nimport tempfile\nimport unittest\n"
        body += "".join(CLASS.format(n=index * 10 + k) for k in range(8))
        path = folder / f"test_generated_{index}.py"
        path.write_text(body, encoding="utf-8")
        files.append(path)
    return files


def measure(folder: Path, files: list[Path], jobs: int | None) -> tuple[float, float, int]:
    """(bare seconds, tool seconds, methods converted): the two timed back to back."""
    started = time.perf_counter()
    for path in files:
        cst.parse_module(path.read_bytes()).code  # noqa: B018
    bare = time.perf_counter() - started
    started = time.perf_counter()
    report = migrate_paths([folder], Options(jobs=jobs))
    return bare, time.perf_counter() - started, report.converted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=None, help="default: one per core")
    parser.add_argument(
        "--repeat", type=int, default=1, help="pairs of timings; the median ratio is the result"
    )
    args = parser.parse_args()
    jobs = args.jobs or os.cpu_count() or 1
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        files = generate(Path(tmp), args.files)
        for _round in range(args.repeat):
            bare, tool, converted = measure(Path(tmp), files, args.jobs)
            ratios.append(tool / bare)
            print(f"{len(files)} files, {converted} lifecycle methods converted, -j{jobs}")
            print(f"bare libcst parse + print  {bare:7.2f} s")
            print(f"migrate-fixtures           {tool:7.2f} s")
            print(f"ratio                      {tool / bare:7.2f}")
    if args.repeat > 1:
        shown = ", ".join(f"{r:.2f}" for r in ratios)
        print(f"ratios {shown}; median {statistics.median(ratios):.2f}  (target <= 1.3)")
    else:
        print("(target <= 1.3)")


if __name__ == "__main__":
    main()
