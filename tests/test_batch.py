"""``migrate-fixtures batch`` on real git repositories made here with pygit2."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pygit2
import pytest
from click.testing import CliRunner

from migrator.cli import main
from migrator.engine import migrate_paths
from tests.test_ci_output import REFUSED, SIMPLE
from tests.test_schema import SCHEMA

AUTHOR = pygit2.Signature("Batch Tester", "batch@example.com")


def _repo(folder: Path, files: dict[str, str]) -> pygit2.Repository:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    repo = pygit2.init_repository(str(folder))
    repo.config["user.name"] = AUTHOR.name
    repo.config["user.email"] = AUTHOR.email
    repo.index.add_all()
    repo.index.write()
    tree = repo.index.write_tree()
    repo.create_commit("HEAD", AUTHOR, AUTHOR, "suite", tree, [])
    return repo


def _batch(*args: str) -> tuple[int, list[dict[str, object]]]:
    """Run ``batch``; every JSON line must validate against the shipped schema."""
    result = CliRunner().invoke(main, ["batch", "-q", *args], catch_exceptions=False)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        jsonschema.validate(record, SCHEMA)
    return result.exit_code, records


@pytest.fixture
def repos(tmp_path: Path) -> dict[str, Path]:
    made = {
        "migrates": {"pyproject.toml": "", "tests/test_simple.py": SIMPLE},
        "refused": {"pyproject.toml": "", "tests/test_refused.py": REFUSED},
        "empty": {"pyproject.toml": "", "README": "no tests\n"},
        "dirty": {"pyproject.toml": "", "tests/test_simple.py": SIMPLE},
    }
    for name, files in made.items():
        _repo(tmp_path / name, files)
    (tmp_path / "dirty" / "tests" / "test_simple.py").write_text(SIMPLE + "\n# edited\n")
    return {name: tmp_path / name for name in made}


def test_records_branch_and_commit_per_repository(repos: dict[str, Path], tmp_path: Path) -> None:
    expected = migrate_paths([repos["migrates"]]).files[0].output
    listing = tmp_path / "repos.txt"
    listing.write_text("# the suites\nmigrates\nrefused\nempty\ndirty\n")
    code, records = _batch("--from-file", str(listing), "--branch", "mf/{version}")
    assert code == 1  # the dirty work tree is an error
    status = {Path(str(r["repo"])).name: r["status"] for r in records}
    assert status == {
        "migrates": "migrated",
        "refused": "all refused",
        "empty": "nothing to do",
        "dirty": "error",
    }
    by_name = {Path(str(r["repo"])).name: r for r in records}
    assert by_name["refused"]["refusals_by_code"] == {"MF111": 1}
    assert "dirty work tree" in str(by_name["dirty"]["error"])

    repo = pygit2.Repository(str(repos["migrates"]))
    branch = str(by_name["migrates"]["branch"])
    assert branch.startswith("mf/")
    commit = repo.references[f"refs/heads/{branch}"].peel(pygit2.Commit)
    assert str(commit.id) == by_name["migrates"]["commit"]
    assert commit.parents[0].id == repo.head.target  # made from HEAD, HEAD not moved
    assert not repo.head.shorthand.startswith("mf/")
    blob = commit.tree["tests/test_simple.py"]
    assert repo[blob.id].data.decode() == expected
    assert "Converted 1 of 1 lifecycle methods in 1 file(s)." in commit.message
    assert "Verify: not run." in commit.message
    assert commit.author.email == AUTHOR.email
    # The checkout is untouched: the work tree still holds the unittest version.
    assert (repos["migrates"] / "tests" / "test_simple.py").read_text() == SIMPLE
    assert repo.status() == {}


def test_second_run_changes_nothing(repos: dict[str, Path]) -> None:
    _code, first = _batch(str(repos["migrates"]))
    code, second = _batch(str(repos["migrates"]))
    assert code == 0
    assert second[0]["status"] == "nothing to do"
    assert second[0]["commit"] == first[0]["commit"]


def test_resume_skips_what_the_same_version_finished(
    repos: dict[str, Path], tmp_path: Path
) -> None:
    jsonl = tmp_path / "batch.jsonl"
    _batch(str(repos["migrates"]), "--jsonl", str(jsonl))
    _code, records = _batch(
        str(repos["migrates"]), str(repos["refused"]), "--jsonl", str(jsonl), "--resume"
    )
    assert [Path(str(r["repo"])).name for r in records] == ["refused"]
    assert len(jsonl.read_text().splitlines()) == 2


def test_parallel_repositories_give_the_same_records(repos: dict[str, Path]) -> None:
    names = ("migrates", "refused", "empty")
    _code, serial = _batch(*(str(repos[n]) for n in names), "--branch", "serial")
    _code, parallel = _batch(*(str(repos[n]) for n in names), "--branch", "parallel", "-j", "2")

    def key(record: dict[str, object]) -> tuple[object, ...]:
        return (record["repo"], record["status"], record["converted"], record["files_changed"])

    assert sorted(map(key, serial)) == sorted(map(key, parallel))
    repo = pygit2.Repository(str(repos["migrates"]))
    serial_tip, parallel_tip = (
        repo.references[f"refs/heads/{b}"].peel(pygit2.Commit) for b in ("serial", "parallel")
    )
    assert serial_tip.tree_id == parallel_tip.tree_id


def test_repository_config_author_and_verify(tmp_path: Path) -> None:
    config = '[tool.migrate-fixtures]\nextend-exclude = ["legacy"]\n'
    _repo(
        tmp_path / "r",
        {
            "pyproject.toml": config,
            "tests/test_simple.py": SIMPLE,
            "legacy/test_old.py": SIMPLE,
        },
    )
    code, records = _batch(str(tmp_path / "r"), "--verify", "--author", "Bot <bot@example.com>")
    assert code == 0
    record = records[0]
    assert record["status"] == "migrated"
    assert record["files_changed"] == 1  # legacy/ is excluded by the repository's config
    verify = record["verify"]
    assert isinstance(verify, dict)
    assert verify["ok"] is True
    assert verify["tests_compared"] == 2  # pytest runs both; legacy/ stays unittest
    repo = pygit2.Repository(str(tmp_path / "r"))
    commit = repo.references[f"refs/heads/{record['branch']}"].peel(pygit2.Commit)
    assert commit.author.name == "Bot"
    assert "Verify: every outcome the same (2 tests compared" in commit.message
    assert repo[commit.tree["legacy/test_old.py"].id].data.decode() == SIMPLE
