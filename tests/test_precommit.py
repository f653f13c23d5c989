"""The hooks of ``.pre-commit-hooks.yaml`` run by the real ``pre-commit`` (``try-repo``) on
a git repository made here: a hook given one file still knows its base class in another
file, writes what a run on the whole tree writes, and a second run changes nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from migrator.engine import migrate_paths

ROOT = Path(__file__).resolve().parent.parent
BASE = """\
import unittest


class BaseTest(unittest.TestCase):
    def setUp(self):
        self.items = [1]

    def tearDown(self):
        self.items.clear()
"""
CHILD = """\
from tests.base import BaseTest


class ATest(BaseTest):
    def setUp(self):
        super().setUp()
        self.items.append(2)

    def test_items(self):
        self.assertEqual(self.items, [1, 2])
"""
OTHER = """\
import unittest


class Unrelated(unittest.TestCase):
    def setUp(self):
        self.x = 1

    def test_x(self):
        self.assertEqual(self.x, 1)
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def _project(folder: Path) -> Path:
    (folder / "tests").mkdir(parents=True)
    (folder / "pyproject.toml").write_text('[project]\nname = "sample"\n')
    (folder / "tests" / "__init__.py").write_text("")
    (folder / "tests" / "base.py").write_text(BASE)
    (folder / "tests" / "test_a.py").write_text(CHILD)
    (folder / "tests" / "test_other.py").write_text(OTHER)
    return folder


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is needed for the pre-commit hooks test")
    assert (ROOT / ".git").exists(), "try-repo needs this project as a git checkout"
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo: Path, home: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


@pytest.mark.slow
def test_hooks_match_a_whole_tree_run(tmp_path: Path, pre_commit_home: Path) -> None:
    expected_tree = _project(tmp_path / "whole")
    whole = migrate_paths([expected_tree])
    expected = {Path(f.path).name: f.output for f in whole.files if f.output is not None}
    assert set(expected) == {"base.py", "test_a.py", "test_other.py"}

    repo = _project(tmp_path / "repo")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "unittest suite")

    check = _try_repo(repo, pre_commit_home, "migrate-fixtures-check", "tests/test_a.py")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "+    def _a_test_setup(self, _base_test_setup):" in check.stdout
    assert (repo / "tests" / "test_a.py").read_text() == CHILD  # the check writes nothing

    run = _try_repo(repo, pre_commit_home, "migrate-fixtures", "tests/test_a.py")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "files were modified by this hook" in run.stdout
    # The given file and its base (coupled: the child's fixture requests the base's);
    # the unrelated file was not given and is not touched.
    assert (repo / "tests" / "test_a.py").read_text() == expected["test_a.py"]
    assert (repo / "tests" / "base.py").read_text() == expected["base.py"]
    assert (repo / "tests" / "test_other.py").read_text() == OTHER

    again = _try_repo(repo, pre_commit_home, "migrate-fixtures", "tests/test_a.py")
    assert again.returncode == 0, again.stdout + again.stderr
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider", "tests"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert tests.returncode == 0, tests.stdout
    assert "2 passed" in tests.stdout


def test_in_project_reports_given_files_and_their_hierarchy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from migrator.engine import Options

    _project(tmp_path)
    monkeypatch.chdir(tmp_path)
    whole = {f.path: f.output for f in migrate_paths(["."]).files}
    child = migrate_paths(["tests/test_a.py"], Options(in_project=True))
    assert {f.path: f.output for f in child.files} == {
        "tests/base.py": whole["tests/base.py"],
        "tests/test_a.py": whole["tests/test_a.py"],
    }
    other = migrate_paths(["tests/test_other.py"], Options(in_project=True))
    assert [(f.path, f.output) for f in other.files] == [
        ("tests/test_other.py", whole["tests/test_other.py"])
    ]
    # Without it, the base is outside the run (read-only) and the child is planned apart.
    alone = migrate_paths(["tests/test_a.py"])
    assert [f.path for f in alone.files] == ["tests/test_a.py"]
    assert alone.files[0].output != whole["tests/test_a.py"]
