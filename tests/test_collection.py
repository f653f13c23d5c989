"""Only files pytest collects are rewritten: the project's pytest configuration decides."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migrator.engine import Options, migrate_paths
from migrator.pytest_config import collect_only, load

CASE = """\
import unittest


class {name}(unittest.TestCase):
    def setUp(self):
        self.ready = True

    def test_ready(self):
        self.assertTrue(self.ready)
"""


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def changed(root: Path, options: Options | None = None, *paths: Path) -> list[str]:
    report = migrate_paths(list(paths) or [root], options or Options(jobs=1))
    return sorted(
        Path(f.path).resolve().relative_to(root).as_posix() for f in report.files if f.output
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            "tests/test_kept.py": CASE.format(name="Kept"),
            "tests/support/sample/test_sample.py": CASE.format(name="Sample"),
            "tests/legacy/test_legacy.py": CASE.format(name="Legacy"),
            "tests/ignored_by_conftest/test_ignored.py": CASE.format(name="Ignored"),
            "tests/check_style.py": CASE.format(name="CheckStyle"),
            "tests/conftest.py": 'collect_ignore = ["ignored_by_conftest"]\n',
            "other/test_outside_testpaths.py": CASE.format(name="Outside"),
        },
    )
    return tmp_path


def test_norecursedirs_ignore_and_collect_ignore(project: Path) -> None:
    (project / "pytest.ini").write_text(
        "[pytest]\nnorecursedirs = support\naddopts = --ignore=tests/legacy -q\n"
    )
    assert changed(project, None, project / "tests") == ["tests/test_kept.py"]


def test_python_files_and_testpaths_from_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\npython_files = ["test_*.py", "check_*.py"]\n'
        'testpaths = ["tests"]\nnorecursedirs = ["support", "legacy"]\n'
    )
    assert changed(project) == [
        "tests/check_style.py",
        "tests/test_kept.py",
    ]


def test_a_python_files_pattern_with_a_slash_matches_the_path(project: Path) -> None:
    # pytest's fnmatch_ex: "tests/*.py" is matched against the whole path, and "*" crosses
    # folders (PyGithub's configuration).
    (project / "tests" / "Issue.py").write_text(CASE.format(name="Issue"))
    (project / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\npython_files = "tests/*.py"\ntestpaths = ["tests"]\n'
        'norecursedirs = ["support", "legacy", "ignored_by_conftest"]\n'
    )
    assert changed(project) == ["tests/Issue.py", "tests/check_style.py", "tests/test_kept.py"]


def test_without_configuration_the_defaults_hold(project: Path) -> None:
    (project / "tests" / "conftest.py").unlink()
    assert changed(project, None, project / "tests") == [
        "tests/ignored_by_conftest/test_ignored.py",
        "tests/legacy/test_legacy.py",
        "tests/support/sample/test_sample.py",
        "tests/test_kept.py",
    ]


def test_configuration_can_be_switched_off(project: Path) -> None:
    (project / "pytest.ini").write_text("[pytest]\nnorecursedirs = support\n")
    off = Options(jobs=1, pytest_config=False)
    assert "tests/support/sample/test_sample.py" in changed(project, off, project / "tests")


def test_pytest_itself_says_which_modules_it_collects(project: Path) -> None:
    (project / "pytest.ini").write_text("[pytest]\nnorecursedirs = support legacy\n")
    modules = collect_only([project / "tests"])
    assert modules == {(project / "tests" / "test_kept.py").resolve()}
    asked = Options(jobs=1, pytest_collect=True)
    assert changed(project, asked, project / "tests") == ["tests/test_kept.py"]


def test_config_is_found_as_pytest_finds_it(project: Path) -> None:
    (project / "setup.cfg").write_text("[metadata]\nname = x\n")
    (project / "tox.ini").write_text("[pytest]\nnorecursedirs = support\n")
    config = load([project / "tests"])
    assert config is not None
    assert config.rootdir == project.resolve()
    assert config.norecursedirs == ("support",)


def test_sample_projects_another_runner_executes_stay(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "tests/functional/test_runner.py": """\
            import subprocess
            import unittest


            class RunsSamples(unittest.TestCase):
                def setUp(self):
                    self.where = "scenario/one"

                def test_sample(self):
                    self.assertTrue(self.where)
            """,
            "tests/support/scenario/one/test_sample.py": CASE.format(name="Sample"),
            # a package of the sample project: data as its folder is
            "tests/support/scenario/one/pkg/tests/test_deep.py": CASE.format(name="Deep"),
            "tests/support/scenario/two/test_other.py": CASE.format(name="Other"),
            "tests/local/test_names_itself.py": CASE.format(name="Self").replace(
                "self.ready = True", 'self.ready = bool("local/x")'
            ),
        },
    )
    report = migrate_paths([tmp_path / "tests"], Options(jobs=1))
    rewritten = sorted(Path(f.path).name for f in report.files if f.output)
    # scenario/one is data of test_runner.py; scenario/two is named by nobody; a module
    # that names its own folder is not using it as data
    assert rewritten == ["test_names_itself.py", "test_other.py", "test_runner.py"]
    skipped = {Path(f.path).name: f.error for f in report.files if f.error}
    assert "data of" in (skipped["test_sample.py"] or "")
    assert "'scenario/one'" in (skipped["test_sample.py"] or "")
    assert "'scenario/one'" in (skipped["test_deep.py"] or "")


def test_a_named_folder_that_imports_the_suite_around_it_is_not_data(tmp_path: Path) -> None:
    # An allow-list naming "tests/cli/" (a source check) next to a sample project: the
    # modules of tests/cli import the package of the module that names them, so they are
    # part of its suite; the sample imports only itself.
    write(
        tmp_path,
        {
            "tests/__init__.py": "import unittest\n\nTestCase = unittest.TestCase\n",
            "tests/test_source.py": """\
            import unittest

            ALLOWED = ("tests/cli/", "support/sample")


            class Source(unittest.TestCase):
                def test_allowed(self):
                    self.assertTrue(ALLOWED)
            """,
            "tests/cli/__init__.py": "",
            "tests/cli/test_cli.py": CASE.format(name="Cli").replace(
                "import unittest", "import unittest\n\nfrom .. import TestCase"
            ),
            "tests/support/sample/__init__.py": "",
            "tests/support/sample/helpers.py": "VALUE = 1\n",
            "tests/support/sample/test_sample.py": CASE.format(name="Sample").replace(
                "import unittest", "import unittest\n\nfrom . import helpers"
            ),
        },
    )
    report = migrate_paths([tmp_path / "tests"], Options(jobs=1))
    rewritten = sorted(Path(f.path).name for f in report.files if f.output)
    assert rewritten == ["test_cli.py"]
    skipped = {Path(f.path).name: f.error for f in report.files if f.error}
    assert "data of" in (skipped["test_sample.py"] or "")


BASE_ONLY = """\
import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.ready = True
"""


def test_files_with_tests_outside_the_patterns_are_counted_not_rewritten(tmp_path: Path) -> None:
    """``testSchema.py`` and ``tests.py`` hold unittest tests that the default patterns do
    not select (pytest would not collect them): left as is and counted, so that a run that
    converts nothing says why. A base without tests in a helper file is not counted."""
    write(
        tmp_path,
        {
            "suite/testSchema.py": CASE.format(name="Schema"),
            "suite/tests.py": CASE.format(name="Legacy"),
            "suite/base.py": BASE_ONLY,
            "suite/test_kept.py": CASE.format(name="Kept"),
        },
    )
    report = migrate_paths([tmp_path / "suite"], Options(jobs=1, gitignore=False))
    by_name = {Path(f.path).name: f for f in report.files}
    assert {n: f.outside_patterns for n, f in by_name.items()} == {
        "testSchema.py": 1,
        "tests.py": 1,
        "base.py": 0,
        "test_kept.py": 0,
    }
    assert by_name["testSchema.py"].output is None
    assert by_name["tests.py"].output is None
    assert report.summary()["lifecycle_methods_outside_patterns"] == 2
    assert by_name["test_kept.py"].output is not None
    wider = migrate_paths(
        [tmp_path / "suite"], Options(jobs=1, gitignore=False, include=("test*.py",))
    )
    assert wider.summary()["lifecycle_methods_outside_patterns"] == 0
    assert wider.converted == 3


def test_sample_files_outside_the_patterns_are_data_not_missed_tests(tmp_path: Path) -> None:
    """A folder the suite names as data holds files another runner executes: not counted
    as tests the patterns missed."""
    write(
        tmp_path,
        {
            "tests/test_runner.py": CASE.format(name="Runner").replace(
                "self.ready = True", 'self.ready = bool("sample-ex")'
            ),
            "tests/sample-ex/sample1/sampletests.py": CASE.format(name="Sample"),
            "tests/legacy/testLegacy.py": CASE.format(name="Legacy"),
        },
    )
    report = migrate_paths([tmp_path / "tests"], Options(jobs=1, gitignore=False))
    counted = {Path(f.path).name: f.outside_patterns for f in report.files}
    assert counted["sampletests.py"] == 0
    assert counted["testLegacy.py"] == 1


def test_the_note_names_the_files_and_the_option(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from migrator.cli import main

    write(tmp_path, {"suite/testSchema.py": CASE.format(name="Schema")})
    args = ["migrate", "--check", "--no-gitignore", str(tmp_path / "suite")]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0
    assert (
        "note: 1 file holding unittest tests (1 lifecycle method) matches no test-file"
        " pattern (testSchema.py)" in result.output
    )
    assert "Pass --include 'test*.py'" in result.output
