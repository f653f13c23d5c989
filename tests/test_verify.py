"""verify: a correct migration verifies clean; a broken one and a broken collection are caught."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from migrator import engine
from migrator.cli import main
from migrator.results import FileResult, Status
from migrator.verify import RunResult, VerifyOptions, compare, verify

SUITE = """\
import unittest


class Counter(unittest.TestCase):
    def setUp(self):
        self.count = 1

    def tearDown(self):
        self.count = 0

    def test_count(self):
        self.assertEqual(self.count, 1)

    @unittest.skip("not today")
    def test_skipped(self):
        pass
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_counter.py").write_text(SUITE)
    return tmp_path


def test_correct_migration_verifies_clean(project: Path) -> None:
    result = verify(project / "tests", VerifyOptions(workers=2))
    assert result.ok
    assert result.baseline.outcomes == result.migrated.outcomes
    assert result.baseline.outcomes == {
        "tests/test_counter.py::Counter::test_count": "passed",
        "tests/test_counter.py::Counter::test_skipped": "skipped",
    }
    assert result.migration is not None
    assert result.migration.converted == 2
    # once: the decorator-skipped test now carries a pytest skip mark, so its setup does not
    # run (as under unittest); the baseline has no fixture at all
    assert result.migrated.setups_by_scope() == {"function": 1, "class": 0, "module": 0}
    assert result.baseline.setups_by_scope() == {"function": 0, "class": 0, "module": 0}
    # the user's tree is never touched
    assert (project / "tests" / "test_counter.py").read_text() == SUITE


def test_broken_migration_is_caught(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = engine.rewrite_text

    def sabotage(source, plan):  # type: ignore[no-untyped-def]
        result: FileResult = real(source, plan)
        if result.output is not None:  # inject a behaviour change into the migrated copy
            broken = result.output.replace("self.count = 1", "self.count = 2")
            return FileResult(
                result.path, Status.CHANGED, converted=result.converted, output=broken
            )
        return result

    monkeypatch.setattr(engine, "rewrite_text", sabotage)
    runner = CliRunner()
    outcome = runner.invoke(main, ["verify", str(project / "tests"), "-n", "2", "--json"])
    assert outcome.exit_code == 1, outcome.output
    data = json.loads(outcome.stdout)
    assert data["ok"] is False
    assert data["changed"] == [
        {
            "nodeid": "tests/test_counter.py::Counter::test_count",
            "before": "passed",
            "after": "failed",
            "kind": "regression",
        }
    ]


BROKEN_MIGRATED = """\
import does_not_exist_anywhere
import unittest


class NeverRuns(unittest.TestCase):
    def setUp(self):
        self.x = 1

    def test_x(self):
        pass
"""


def test_collection_failure_is_reported_and_the_rest_compared(project: Path) -> None:
    (project / "tests" / "test_broken.py").write_text("import does_not_exist_anywhere\n")
    result = verify(project / "tests", VerifyOptions(workers=2))
    assert "tests/test_broken.py" in result.baseline.collection_errors
    assert "tests/test_broken.py" in result.migrated.collection_errors
    assert "does_not_exist_anywhere" in result.baseline.collection_errors["tests/test_broken.py"]
    # one module that does not import stops nothing else: the two tests are compared, and
    # the broken module was not rewritten
    assert len(result.baseline.outcomes) == 2
    assert result.broken_modules == ()
    assert result.ok
    outcome = CliRunner().invoke(main, ["verify", str(project / "tests"), "-n", "2"])
    assert outcome.exit_code == 0
    assert "collection error before: tests/test_broken.py" in outcome.stderr


def test_a_rewritten_module_that_never_ran_is_not_verified(project: Path) -> None:
    (project / "tests" / "test_broken.py").write_text(BROKEN_MIGRATED)
    result = verify(project / "tests", VerifyOptions(workers=2))
    # the same node id fails on both sides, but nothing about the rewrite was seen to run
    assert result.baseline.collection_errors.keys() == result.migrated.collection_errors.keys()
    assert result.broken_modules == ("tests/test_broken.py",)
    assert not result.ok
    outcome = CliRunner().invoke(main, ["verify", str(project / "tests"), "-n", "2"])
    assert outcome.exit_code == 1
    assert "rewritten module never ran (collection error): tests/test_broken.py" in outcome.stderr


def test_a_run_that_compares_nothing_is_not_ok(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "test_empty.py").write_text("")
    result = verify(tmp_path, VerifyOptions(workers=2))
    assert not result.ok
    outcome = CliRunner().invoke(main, ["verify", str(tmp_path), "-n", "2"])
    assert outcome.exit_code == 1
    assert "nothing was compared: the baseline collected no test" in outcome.stderr


def test_migrate_with_verify_writes_only_when_clean(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = project / "tests" / "test_counter.py"
    real = engine.rewrite_text

    def sabotage(source, plan):  # type: ignore[no-untyped-def]
        result: FileResult = real(source, plan)
        if result.output is not None:
            broken = result.output.replace("self.count = 1", "self.count = 2")
            return FileResult(
                result.path, Status.CHANGED, converted=result.converted, output=broken
            )
        return result

    with monkeypatch.context() as patched:
        patched.setattr(engine, "rewrite_text", sabotage)
        outcome = CliRunner().invoke(main, ["--verify", "-j", "1", str(project / "tests")])
    # the changed test's hierarchy is withheld, verified again (clean), and nothing else is
    # left to write: the file stays as it was, and the report says why
    assert outcome.exit_code == 0, outcome.stderr
    assert target.read_text() == SUITE
    assert "MF122 [Counter] verify: tests/test_counter.py::Counter::test_count" in outcome.stderr
    outcome = CliRunner().invoke(main, ["--verify", str(project / "tests")])
    assert outcome.exit_code == 0, outcome.stderr
    assert "def _counter_setup(self):" in target.read_text()


CLOSE_ONLY = """\
import unittest


class FailingSetUp(unittest.TestCase):
    # unittest reports the test failed; a fixture that raises makes it an error
    def setUp(self):
        raise RuntimeError("no database")

    def test_needs_database(self):
        pass


class Fine(unittest.TestCase):
    def setUp(self):
        self.ready = True

    def test_ready(self):
        self.assertTrue(self.ready)
"""


def test_verify_repairs_by_withholding_the_changed_hierarchy(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    target = tmp_path / "test_mixed.py"
    target.write_text(CLOSE_ONLY)
    outcome = CliRunner().invoke(main, ["--verify", str(tmp_path)])
    assert outcome.exit_code == 0, outcome.stderr
    text = target.read_text()
    assert "class FailingSetUp(unittest.TestCase):\n    # unittest reports" in text
    assert "    def setUp(self):\n        raise RuntimeError" in text
    assert "def _fine_setup(self):" in text
    assert "MF122 [FailingSetUp]" in outcome.stderr
    assert "failed -> error" in outcome.stderr


def test_verify_reads_the_migrate_configuration(project: Path) -> None:
    (project / "tests" / "check_counter.py").write_text(SUITE.replace("Counter", "Checked"))
    (project / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\npython_files = ["test_*.py", "check_*.py"]\n'
        '[tool.migrate-fixtures]\ninclude = ["check_*.py"]\n'
    )
    outcome = CliRunner().invoke(main, ["verify", str(project / "tests"), "-n", "2", "--json"])
    assert outcome.exit_code == 0, outcome.stderr
    data = json.loads(outcome.stdout)
    # only check_counter.py is a test file by the configuration: its two methods convert
    assert data["migration"]["lifecycle_methods_converted"] == 2
    assert data["compared"] == 4


def test_verify_fails_on_invalid_configuration(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.migrate-fixtures]\nunknown = 1\n")
    outcome = CliRunner().invoke(main, ["verify", str(project / "tests")])
    assert outcome.exit_code == 2
    assert "unknown key 'unknown'" in outcome.stderr


def test_verify_with_another_interpreter(project: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-python"
    outcome = CliRunner().invoke(main, ["verify", str(project / "tests"), "--python", str(missing)])
    assert outcome.exit_code == 123
    assert f"error: cannot run the suite with {missing}" in outcome.stderr
    ran = CliRunner().invoke(
        main, ["verify", str(project / "tests"), "-n", "2", "--python", sys.executable, "-q"]
    )
    assert ran.exit_code == 0, ran.stderr
    assert ran.stderr == ""


def test_verify_reports_its_phases_and_tests_done_out_of_collected(tmp_path: Path) -> None:
    from migrator.verify import VerifyOptions, verify

    (tmp_path / "pyproject.toml").write_text("")
    method = "    def test_{}(self):\n        self.assertEqual(self.x, 1)\n\n"
    tests = "".join(method.format(n) for n in range(5))
    (tmp_path / "test_phases.py").write_text(
        "import unittest\n\n\nclass T(unittest.TestCase):\n"
        "    def setUp(self):\n        self.x = 1\n\n" + tests
    )
    seen: list[tuple[str, int, int]] = []
    result = verify(tmp_path, VerifyOptions(progress=lambda *a: seen.append(a)))
    assert result.ok
    phases = list(dict.fromkeys(phase for phase, _done, _total in seen))
    assert phases[:3] == ["copying the project twice", "migrating the copy", "baseline run"]
    assert phases[3].startswith("migrated run (-n ")
    assert ("baseline run", 5, 5) in seen
    assert (phases[3], 5, 5) in seen


BASE_IN_PACKAGE = """\
import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.events = ["base.setUp"]

    def tearDown(self):
        self.events.append("base.tearDown")
"""

SUBCLASS_BY_PACKAGE_NAME = """\
from nsverify.pkg.tests import Base


class ChildTests(Base):
    def setUp(self):
        super().setUp()
        self.events.append("child.setUp")

    def test_both_setups_ran(self):
        self.assertEqual(self.events, ["base.setUp", "child.setUp"])
"""


def test_src_layout_copy_imports_its_own_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A src-layout project installed in development mode (here: its ``src`` on PYTHONPATH,
    under a namespace package, so pytest names the test module ``pkg.tests.test_child``)
    imports ``nsverify.pkg.tests`` by name: the migrated copy must get its own migrated
    base, not the original's."""
    tests = tmp_path / "src" / "nsverify" / "pkg" / "tests"
    tests.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    (tmp_path / "src" / "nsverify" / "pkg" / "__init__.py").write_text("")
    (tests / "__init__.py").write_text(BASE_IN_PACKAGE)
    (tests / "test_child.py").write_text(SUBCLASS_BY_PACKAGE_NAME)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "src"))
    result = verify(tests, VerifyOptions(workers=2))
    assert result.migration is not None
    assert result.migration.converted == 3
    assert result.migrated.outcomes == {
        "src/nsverify/pkg/tests/test_child.py::ChildTests::test_both_setups_ran": "passed"
    }
    assert result.ok


PARALLEL_ONLY = """\
import os
import shutil
import tempfile
import unittest


class MovedTemp(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.home)

    def test_home_path(self):
        # Stands for a path-length limit (a Unix socket in the folder): only the migrated
        # folder under an xdist worker's basetemp contains the worker name.
        self.assertNotIn("popen-gw", self.home)


class NotParallelSafe(unittest.TestCase):
    def setUp(self):
        self.worker = os.environ.get("PYTEST_XDIST_WORKER")

    def test_serial_only(self):
        self.assertIsNone(self.worker)
"""


def test_a_change_only_in_parallel_is_a_regression_unless_the_baseline_changes_too(
    tmp_path: Path,
) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "test_parallel_only.py").write_text(PARALLEL_ONLY)
    result = verify(tmp_path, VerifyOptions(workers=2))
    kinds = {c.nodeid: (c.before, c.after, c.kind) for c in result.changes}
    assert kinds == {
        "test_parallel_only.py::MovedTemp::test_home_path": ("passed", "failed", "regression"),
        "test_parallel_only.py::NotParallelSafe::test_serial_only": (
            "passed",
            "failed",
            "parallel",
        ),
    }
    assert not result.ok


def test_a_src_folder_that_shadows_standard_modules_is_filtered(tmp_path: Path) -> None:
    from migrator.verify import source_roots

    plain = tmp_path / "plain"
    (plain / "src" / "mypkg").mkdir(parents=True)
    assert source_roots(plain) == [str(plain / "src")]
    shims = tmp_path / "shims"
    for name in ("mypkg", "queue", "builtins"):
        (shims / "src" / name).mkdir(parents=True)
    (shims / "src" / "helper.py").write_text("X = 1\n")
    [view] = source_roots(shims)
    assert sorted(p.name for p in Path(view).iterdir()) == ["helper.py", "mypkg"]
    assert (Path(view) / "mypkg").resolve() == (shims / "src" / "mypkg").resolve()
    assert not Path(view).is_relative_to(shims)  # beside the run folder, never collected


RACE_WRITER = """\
import os
import sys
import time
import unittest


def _together():
    # Under xdist, with the reader collected too: the two tests run at the same time.
    collected = any(name.endswith("test_reader") for name in sys.modules)
    return "PYTEST_XDIST_WORKER" in os.environ and collected


class Writer(unittest.TestCase):
    def setUp(self):
        # The phase this setup runs in, where another module can see it: the call phase
        # under unittest, the setup phase once it is a fixture.
        with open("phase.txt", "w") as handle:
            handle.write(os.environ["PYTEST_CURRENT_TEST"].rsplit(" ", 1)[-1])

    def tearDown(self):
        os.remove("phase.txt")

    def test_writes(self):
        # Keeps phase.txt until the reader has read it: a meeting, not a guess at timing,
        # so that a loaded machine cannot make the reader miss it.
        deadline = time.monotonic() + 120
        while _together() and not os.path.exists("read.txt") and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(os.path.exists("phase.txt"))
"""

RACE_READER = """\
import os
import sys
import time


def test_reads_what_another_test_wrote():
    # Stands for two tests sharing a file in the working directory: it sees the other
    # test's file only when that test runs at the same time (under xdist, both collected).
    collected = any(name.endswith("test_writer") for name in sys.modules)
    if "PYTEST_XDIST_WORKER" not in os.environ or not collected:
        return
    deadline = time.monotonic() + 120
    phase = ""
    # Until the writer has written it: the file exists, empty, between its open and write.
    while not phase and time.monotonic() < deadline:
        if os.path.exists("phase.txt"):
            with open("phase.txt") as handle:
                phase = handle.read()
        time.sleep(0.05)
    with open("read.txt", "w") as handle:
        handle.write(phase)
    assert phase != "(setup)"
"""


def test_a_change_that_needs_the_other_tests_in_parallel_is_a_race(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "test_writer.py").write_text(RACE_WRITER)
    (tmp_path / "test_reader.py").write_text(RACE_READER)
    result = verify(tmp_path, VerifyOptions(workers=2))
    kinds = {c.nodeid: (c.before, c.after, c.kind) for c in result.changes}
    assert kinds == {
        "test_reader.py::test_reads_what_another_test_wrote": ("passed", "failed", "race")
    }
    assert not result.ok


def test_node_ids_that_hold_the_tree_path_name_the_same_test_in_both_copies(
    tmp_path: Path,
) -> None:
    """A parametrized id holding an absolute path of the copy (formencode's
    ``test_runfile[/tmp/.../baseline/data.txt]``) is compared with its migrated twin."""
    from migrator.verify import RunResult, _rooted, compare

    baseline, migrated = tmp_path / "baseline", tmp_path / "migrated"
    before = RunResult(
        _rooted({f"t.py::test_runfile[{baseline}/data.txt]": "passed"}, baseline), {}, 0, 0.0
    )
    after = RunResult(
        _rooted({f"t.py::test_runfile[{migrated}/data.txt]": "failed"}, migrated), {}, 0, 0.0
    )
    changes, only_before, only_after = compare(before, after)
    assert [(c.nodeid, c.before, c.after) for c in changes] == [
        ("t.py::test_runfile[<root>/data.txt]", "passed", "failed")
    ]
    assert only_before == only_after == []


RAISING_SETUP = """\
import os
import unittest


class NeedsData(unittest.TestCase):
    def setUp(self):
        # the data file is missing: every test fails in setUp, before and after migration
        with open(os.path.join(os.path.dirname(__file__), "missing.dat")) as handle:
            self.data = handle.read()

    def test_one(self):
        self.assertTrue(self.data)

    def test_two(self):
        self.assertTrue(self.data)


class Fine(unittest.TestCase):
    def setUp(self):
        self.x = 1

    def test_x(self):
        self.assertEqual(self.x, 1)
"""


def test_the_same_exception_from_a_fixture_is_a_fixture_error_not_a_regression(
    tmp_path: Path,
) -> None:
    """unittest reports a raising setUp as failed, pytest a raising fixture as an error: the
    same exception (its message names the tree's path, spelled alike in both copies) is
    told apart from a behaviour change, and still makes verify not OK."""
    (tmp_path / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_data.py").write_text(RAISING_SETUP)
    result = verify(tmp_path / "tests", VerifyOptions(workers=2))
    changed = {c.nodeid: (c.before, c.after, c.kind) for c in result.changes}
    assert changed == {
        "tests/test_data.py::NeedsData::test_one": ("failed", "error", "fixture-error"),
        "tests/test_data.py::NeedsData::test_two": ("failed", "error", "fixture-error"),
    }
    assert result.baseline.outcomes["tests/test_data.py::Fine::test_x"] == "passed"
    assert result.migrated.outcomes["tests/test_data.py::Fine::test_x"] == "passed"
    message = result.baseline.failures["tests/test_data.py::NeedsData::test_one"]
    # the scratch copy's path is spelled <root>, so both copies give the same message
    missing = "'<root>/tests/missing.dat'"
    assert message == f"FileNotFoundError: [Errno 2] No such file or directory: {missing}"
    assert not result.ok


def test_a_different_exception_after_migration_stays_a_regression() -> None:
    node = "tests/test_a.py::A::test_a"
    before = RunResult({node: "failed"}, {}, 1, 0.0, failures={node: "KeyError: 'a'"})
    same = RunResult({node: "error"}, {}, 1, 0.0, failures={node: "KeyError: 'a'"})
    other = RunResult({node: "error"}, {}, 1, 0.0, failures={node: "KeyError: 'b'"})
    unknown = RunResult({node: "error"}, {}, 1, 0.0, failures={node: ""})
    passed = RunResult({node: "passed"}, {}, 0, 0.0)
    assert [c.kind for c in compare(before, same)[0]] == ["fixture-error"]
    assert [c.kind for c in compare(before, other)[0]] == ["regression"]
    assert [c.kind for c in compare(before, unknown)[0]] == ["regression"]
    # only failed -> error: an error that becomes a failure, or a pass, is not this case
    assert [c.kind for c in compare(same, before)[0]] == ["regression"]
    assert [c.kind for c in compare(before, passed)[0]] == ["regression"]
