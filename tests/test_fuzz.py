"""A bounded differential fuzzing run (``scripts/fuzz.py`` runs longer ones).

Each example is a batch of generated unittest modules; the batch is migrated and run before
(pytest) and after (pytest, and ``pytest -n 2``), and every test's outcome and trace of
setup, teardown, cleanup and test events must be the same. See ``tests/fuzzing.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings

from tests import fuzzing
from tests.fuzzing import Klass, Lifecycle, Program, batches, check_batch, render, valid

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


def _setup(name: str = "setUp") -> Lifecycle:
    return Lifecycle(name, "none", cleanup=False, early_return=False, skip=False, raises=False)


def _test(name: str) -> fuzzing.Test:
    # Not imported by name: pytest would try to collect a class called Test here.
    return fuzzing.Test(name, fails=False, cleanup=False, skipped=False)


def test_a_base_whose_setup_a_mixin_rebinds_on_the_instance_runs_the_same() -> None:
    """A shape the generator draws rarely, kept as a fixed batch: ``Rebinding.__init__``
    swaps the instance's setUp for a wrapper (CPython's ThreadableTest). Converting
    ``Fuzz00.setUp`` ran it before the wrapper: the traces differed until references on
    ``self`` in every class of a test class's MRO were counted."""
    program = Program(
        "fuzz_0",
        (
            Klass("Fuzz00", ("unittest.TestCase",), (_setup(),), (_test("test_0_0"),)),
            Klass("Fuzz01", ("Fuzz00",), (), (_test("test_1_0"),), namespace="Rebinding"),
        ),
        None,
        None,
    )
    assert valid([program])
    with tempfile.TemporaryDirectory(prefix="mf-fuzz-") as tmp:
        problems = check_batch([program], Path(tmp))
    assert not problems, "\n".join(problems)
