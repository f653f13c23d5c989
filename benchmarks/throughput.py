"""Throughput on the interpreter's own test package: the tool next to a bare libcst round trip.

Everything is measured in one run on the same files, so the ratios are meaningful on a
small, noisy machine even when the absolute numbers are not.

    python benchmarks/throughput.py [--repeat N] [PATH]

Prints files/s for: ``ast.parse``; a bare ``libcst.parse_module(...).code``; and the tool
(index, plan, rewrite, no writes), each with one and with two processes.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import libcst as cst
import test as cpython_tests

from migrator.engine import Options, migrate_paths


def _libcst_round_trip(path: Path) -> int:
    try:
        return len(cst.parse_module(path.read_bytes()).code)
    except Exception:
        return 0


def _ast_parse(path: Path) -> int:
    try:
        return len(ast.parse(path.read_bytes()).body)
    except (SyntaxError, ValueError):
        return 0


def _pool(func: Callable[[Path], int], files: list[Path], jobs: int) -> None:
    if jobs == 1:
        for path in files:
            func(path)
        return
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(func, files, chunksize=8))


def _timed(label: str, files: int, action: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    print(f"{label:<34} {best:8.2f} s  {files / best:8.1f} files/s", flush=True)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=os.path.dirname(cpython_tests.__file__))
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    root = Path(args.path)
    files = sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)
    print(
        f"{len(files)} files under {root}; Python {sys.version.split()[0]}; {os.cpu_count()} CPUs"
    )
    results = {}
    for jobs in (1, 2):
        results[f"ast{jobs}"] = _timed(
            f"ast.parse -j{jobs}",
            len(files),
            lambda j=jobs: _pool(_ast_parse, files, j),
            args.repeat,
        )
        results[f"cst{jobs}"] = _timed(
            f"libcst parse+print -j{jobs}",
            len(files),
            lambda j=jobs: _pool(_libcst_round_trip, files, j),
            args.repeat,
        )
        options = Options(jobs=jobs, all_files=True, gitignore=False)
        results[f"tool{jobs}"] = _timed(
            f"migrate-fixtures -j{jobs}",
            len(files),
            lambda o=options: migrate_paths([root], o),
            args.repeat,
        )
    for jobs in (1, 2):
        ratio = results[f"cst{jobs}"] / results[f"tool{jobs}"]
        print(f"-j{jobs}: the tool runs at {ratio:.2f}x the speed of a bare libcst round trip")


if __name__ == "__main__":
    main()
