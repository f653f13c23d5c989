"""The differential corpus: every case is rewritten exactly, and runs the same before and after.

For each case of ``fixtures_corpus/``: the output equals ``after/`` byte for byte, compiles,
a second run changes nothing, the refusal codes are exactly those expected; and every test of
``before/`` run serially under pytest has the same outcome as in ``after/`` run with
``pytest -n 2`` (the whole corpus runs in one session per side, so the cost is two pytest runs).
"""

from __future__ import annotations

import contextlib
import fcntl
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from migrator.engine import Options, migrate_paths
from migrator.verify import RunResult, run_pytest
from tests.corpus import Case, load_cases, migrate_copy

CASES = load_cases()
IDS = [c.name for c in CASES]


def test_corpus_is_large_and_names_are_unique() -> None:
    assert len(CASES) >= 40
    names: dict[str, str] = {}
    for case in CASES:
        for rel in case.files(case.before):
            if "/" in rel:  # files inside a package are named by their package
                continue
            assert rel not in names, (
                f"{rel} in {case.name} and {names[rel]}: one pytest session runs all"
            )
            names[rel] = case.name


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_output_matches_expected(case: Case, tmp_path: Path) -> None:
    report, files = migrate_copy(case, tmp_path / "work")
    assert files == case.files(case.after)
    assert sorted(r.code.value for r in report.refusals) == list(case.refusals)
    assert sorted(h.code.value for h in report.hazards) == list(case.hazards)
    assert not report.failed
    for rel, data in files.items():
        compile(data, rel, "exec", dont_inherit=True)


@pytest.mark.parametrize(
    "case", [c for c in CASES if (c.folder / "after").exists()], ids=lambda c: c.name
)
def test_second_run_changes_nothing(case: Case, tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(case.after, work)
    targets = [work / p for p in case.paths] or [work]
    report = migrate_paths(targets, Options(jobs=1))
    assert not report.changed, [f.path for f in report.files if f.output is not None]
    # The hazards left are still found in the fixtures: --hazards works after migrating too.
    assert sorted(h.code.value for h in report.hazards) == list(case.hazards)


@contextlib.contextmanager
def fixed_paths_lock(factory: pytest.TempPathFactory) -> Iterator[None]:
    """Runs of the corpus inputs that use fixed paths (``/tmp/mf_corpus_*.lock``) take this
    lock, shared by the xdist workers of this test session (their base temp folders have one
    parent): two such runs at once would collide on those paths, by design of the cases."""
    shared = factory.getbasetemp().parent / "mf-corpus-fixed-paths.lock"
    with shared.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[RunResult, RunResult]:
    """All inputs under serial pytest, all expected outputs under ``pytest -n 2``."""
    before_root = tmp_path_factory.mktemp("before")
    after_root = tmp_path_factory.mktemp("after")
    for case in CASES:
        shutil.copytree(case.before, before_root / case.name)
        shutil.copytree(case.after, after_root / case.name)
    with fixed_paths_lock(tmp_path_factory):
        before = run_pytest(before_root, ["."], workers=None, timeout=600)
        after = run_pytest(after_root, ["."], workers=2, timeout=600)
    return before, after


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_outcomes_same_before_and_after(case: Case, executed: tuple[RunResult, RunResult]) -> None:
    before, after = executed
    prefix = f"{case.name}/"
    mine_before = {k[len(prefix) :]: v for k, v in before.outcomes.items() if k.startswith(prefix)}
    mine_after = {k[len(prefix) :]: v for k, v in after.outcomes.items() if k.startswith(prefix)}
    assert mine_before, f"no test of {case.name} ran: {before.collection_errors}"
    assert not [k for k in before.collection_errors if k.startswith(prefix)]
    assert not [k for k in after.collection_errors if k.startswith(prefix)]
    declared = set(case.outcome_changes)
    red = {k: v for k, v in mine_before.items() if v not in ("passed", "skipped", "xfailed")}
    assert set(red) <= declared, f"an input must pass under pytest: {red}"
    expected = dict(mine_before)
    for nodeid, (was, becomes) in case.outcome_changes.items():
        assert mine_before[nodeid] == was
        expected[nodeid] = becomes
    assert mine_after == expected


@pytest.mark.parametrize(
    ("name", "lock"),
    [
        ("tmp_fixed_path_collides", "/tmp/mf_corpus_collision.lock"),
        ("relative_file_collides", "mf_corpus_collision_cwd.lock"),
        ("tmp_constant_path_collides", "/tmp/mf_corpus_constant_collision.lock"),
    ],
)
def test_shared_path_collides_under_xdist_before_and_not_after(
    name: str, lock: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The hazard is real: the input fails under ``pytest -n 2``; the migrated suite passes."""
    case = next(c for c in CASES if c.name == name)
    shutil.copytree(case.before, tmp_path / "before")
    shutil.copytree(case.after, tmp_path / "after")
    # A relative lock is made in the run's working directory: the copied case folder.
    stale = Path(lock) if lock.startswith("/") else tmp_path / "before" / lock
    with fixed_paths_lock(tmp_path_factory):
        stale.unlink(missing_ok=True)  # a run killed mid-test would leave it behind
        before = run_pytest(tmp_path / "before", ["."], workers=2, timeout=300)
        stale.unlink(missing_ok=True)
        after = run_pytest(tmp_path / "after", ["."], workers=2, timeout=300)
    assert len(before.outcomes) == len(after.outcomes) == 8
    assert {"failed", "error"} & set(before.outcomes.values()), before.outcomes
    assert set(after.outcomes.values()) == {"passed"}, after.outcomes
