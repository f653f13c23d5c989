"""A bounded differential fuzzing run (``scripts/fuzz.py`` runs longer ones).

Each example is a batch of generated unittest modules; the batch is migrated and run before
(pytest) and after (pytest, and ``pytest -n 2``), and every test's outcome and trace of
setup, teardown, cleanup and test events must be the same. See ``tests/fuzzing.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings

from tests.fuzzing import Program, batches, check_batch, render, valid

BATCHES = batches()


@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(BATCHES)
def test_generated_modules_run_the_same_before_and_after(batch: tuple[Program, ...]) -> None:
    assume(valid(batch))
    with tempfile.TemporaryDirectory(prefix="mf-fuzz-") as tmp:
        problems = check_batch(list(batch), Path(tmp))
    assert not problems, "\n".join(problems[:20]) + "\n\n" + "\n\n".join(render(p) for p in batch)
