"""The interpreter's own test package goes through the tool: no crash, output compiles, stable.

This is the largest real unittest corpus on every machine (about 800 files). It runs in CI;
it is marked slow so that a quick local loop can leave it out with ``-m "not slow"``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import test as cpython_tests

from migrator.engine import Options, migrate_paths, write_changes
from migrator.results import Status

CPYTHON_TESTS = Path(os.path.dirname(cpython_tests.__file__))


@pytest.mark.slow
def test_cpython_test_package(tmp_path: Path) -> None:
    work = tmp_path / "test"
    shutil.copytree(CPYTHON_TESTS, work, ignore=shutil.ignore_patterns("__pycache__"))
    options = Options(jobs=2, all_files=True, gitignore=False)
    first = migrate_paths([work], options)
    summary = first.summary()
    print("first run:", summary)
    assert len(first.files) > 500
    assert first.count(Status.FAILED) == 0, [
        f.error for f in first.files if f.error and f.status is Status.FAILED
    ][:3]
    assert first.converted > 300
    for result in first.files:
        if result.output is not None:
            compile(result.output, result.path, "exec", dont_inherit=True)
    write_changes(first)
    second = migrate_paths([work], options)
    print("second run:", second.summary())
    assert second.count(Status.FAILED) == 0
    assert not second.changed, [f.path for f in second.files if f.status is Status.CHANGED][:5]
