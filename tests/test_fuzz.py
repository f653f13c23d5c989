"""A bounded differential fuzzing run (``scripts/fuzz.py`` runs longer ones).

Each example is a batch of generated unittest modules; the batch is migrated and run before
(pytest) and after (pytest, and ``pytest -n 2``), and every test's outcome and trace of
setup, teardown, cleanup and test events must be the same. See ``tests/fuzzing.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from migrator.engine import Options, migrate_paths
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


@pytest.mark.parametrize("namespace", ["Outcome", "OutcomeSetup"])
def test_run_state_readers_keep_what_must_stay_in_run(namespace: str) -> None:
    """A fixed batch of the run-state bases (``transforms.run_state``): ``Outcome``'s
    tearDown reads ``self._outcome`` (it stays unittest's, the setUps convert: the program
    must convert something), ``OutcomeSetup``'s setUp reads it (the hierarchy stays)."""
    teardown = Lifecycle("tearDown", "none", False, False, False, False)
    program = Program(
        "fuzz_0",
        (
            Klass("Fuzz00", ("unittest.TestCase",), (_setup(), teardown), (_test("test_0_0"),)),
            Klass("Fuzz01", ("Fuzz00",), (_setup(),), (_test("test_1_0"),), namespace=namespace),
        ),
        None,
        None,
    )
    assert valid([program])
    with tempfile.TemporaryDirectory(prefix="mf-fuzz-") as tmp:
        problems = check_batch([program], Path(tmp))
        report = migrate_paths([Path(tmp) / "before"], Options(jobs=1))
    assert not problems, "\n".join(problems)
    assert (report.converted > 0) == (namespace == "Outcome")
