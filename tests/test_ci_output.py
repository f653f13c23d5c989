"""CI output: GitHub annotations within GitHub's limits, and the Markdown summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from migrator import ci_output
from migrator.cli import main
from migrator.results import FileResult, Report, Status
from migrator.verify import Change, RunResult, VerifyResult
from tests.test_cli import REFUSED
from transforms.codes import Code, Refusal

SIMPLE = """\
import unittest


class Simple(unittest.TestCase):
    def setUp(self):
        self.x = 1

    def test_x(self):
        self.assertEqual(self.x, 1)
"""


def _refusal(number: int, code: Code = Code.MIXIN) -> Refusal:
    return Refusal(code, f"tests/test_{number}.py", number, f"C{number}", f"message {number}")


def test_annotation_escapes_and_names_the_code() -> None:
    finding = Refusal(Code.MIXIN, "a,b:c.py", 7, "K", "100% sure\nnext line")
    assert ci_output.annotation("warning", finding) == (
        "::warning file=a%2Cb%3Ac.py,line=7,title=MF107 K::100%25 sure%0Anext line"
    )


def test_annotations_keep_within_githubs_limits_and_say_what_was_left_out() -> None:
    refused = FileResult("t.py", Status.UNCHANGED, refusals=tuple(_refusal(n) for n in range(25)))
    hazards = tuple(_refusal(n, Code.FIXED_PORT) for n in range(12))
    hazard = FileResult("h.py", Status.CHANGED, hazards=hazards)
    broken = FileResult("bad.py", Status.UNPARSABLE, error="MF100 line 3:1: invalid syntax")
    lines = ci_output.github(Report((refused, hazard, broken)))
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds.count("::warning") == 10
    assert kinds.count("::error") == 1
    assert kinds.count("::notice") == 10  # nine hazards and the line saying what is missing
    assert lines[-1].startswith("::notice title=migrate-fixtures::18 more finding(s) left out")
    assert lines[0] == "::error file=bad.py,line=1,title=MF100::MF100 line 3:1: invalid syntax"


def _verify_result(changed: bool) -> VerifyResult:
    base = RunResult({"t.py::test_a": "passed", "t.py::test_b": "passed"}, {}, 0, 1.5)
    after = dict(base.outcomes)
    changes: tuple[Change, ...] = ()
    if changed:
        after["t.py::test_b"] = "failed"
        changes = (Change("t.py::test_b", "passed", "failed", "regression"),)
    return VerifyResult(base, RunResult(after, {}, 1, 0.5), changes, (), ())


def test_markdown_groups_refusals_with_how_to_unblock_and_the_verify_table() -> None:
    refused = FileResult(
        "t.py", Status.UNCHANGED, refusals=(_refusal(1), _refusal(2), _refusal(3, Code.ASYNC))
    )
    text = ci_output.markdown(Report((refused,)), {}, _verify_result(changed=True))
    assert f"| MF107 | 2 | {Code.MIXIN.summary} | {Code.MIXIN.unblock} |" in text
    assert f"| MF102 | 1 | {Code.ASYNC.summary} | {Code.ASYNC.unblock} |" in text
    assert "- `tests/test_1.py:1` `C1`: message 1" in text
    assert "**outcomes differ**" in text
    assert "| `t.py::test_b` | passed | failed | regression |" in text


def test_markdown_cuts_patches_to_the_size_limit_and_says_how_many() -> None:
    diffs = {f"f{n}.py": "+x\n" * 400 for n in range(10)}
    text = ci_output.markdown(Report(), diffs, limit=5_000)
    shown = text.count("<details><summary>f")
    assert 0 < shown < 10
    assert len(text) <= 5_000
    assert f"_{10 - shown} patch(es) left out" in text


@pytest.mark.parametrize("fmt", ["github", "markdown"])
def test_cli_formats_on_a_refused_and_a_converted_file(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "test_refused.py").write_text(REFUSED)
    (tmp_path / "test_simple.py").write_text(SIMPLE)
    result = CliRunner().invoke(
        main, [str(tmp_path), "--check", "-q", "--output-format", fmt], catch_exceptions=False
    )
    assert result.exit_code == 1  # --check: a file would change
    path = str(tmp_path / "test_refused.py")
    if fmt == "github":
        assert result.stdout.splitlines()[0].startswith(f"::warning file={path},line=")
        assert "title=MF111 Refused::" in result.stdout
    else:
        assert f"| MF111 | 1 | {Code.CLEANUP_USAGE.summary}" in result.stdout
        assert f"<details><summary>{tmp_path / 'test_simple.py'}</summary>" in result.stdout
        assert "+    @pytest.fixture(autouse=True)" in result.stdout
    assert (tmp_path / "test_simple.py").read_text() == SIMPLE


def test_markdown_after_writing_still_shows_the_patches(tmp_path: Path) -> None:
    (tmp_path / "test_simple.py").write_text(SIMPLE)
    result = CliRunner().invoke(
        main, [str(tmp_path), "-q", "--output-format", "markdown"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert "| files changed | 1 |" in result.stdout
    assert "-    def setUp(self):" in result.stdout
    assert (tmp_path / "test_simple.py").read_text() != SIMPLE
