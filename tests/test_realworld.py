"""Opt-in (``-m realworld``): download public suites, migrate them, verify 0 changed outcomes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import realworld  # noqa: E402

ROWS = realworld.read_rows(realworld.DEFAULT_TSV) if realworld.DEFAULT_TSV.exists() else []


@pytest.mark.realworld
@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_public_suite_verifies(row: realworld.Row) -> None:
    data = realworld.run_row(row, workers="2")
    print(data)
    assert data["compared"], "no test ran"
    assert data["changed"] == 0, data["changes"]
    assert data["only_before"] == data["only_after"] == 0
