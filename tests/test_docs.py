"""The README documents every refusal code and the same test command as CI."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from migrator.cli import main
from transforms.codes import SUMMARIES, Code

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_code_is_in_the_readme_table() -> None:
    for code in Code:
        assert f"| `{code.value}` | {SUMMARIES[code]} |" in README


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest\n" in ci
    assert "python -m pip install -e '.[dev]' && python -m pytest" in README


def test_the_readme_main_command_works_on_the_sample_suite() -> None:
    """The first README command: a diff of the sample suite, then a clean verification."""
    sample = str(ROOT / "examples" / "sample_suite")
    assert "migrate-fixtures --diff examples/sample_suite && migrate-fixtures verify" in README
    diff = CliRunner().invoke(main, ["--diff", "-q", sample], catch_exceptions=False)
    assert diff.exit_code == 0
    assert "monkeypatch.setenv" in diff.stdout
    assert "dir=tmp_path_factory.mktemp" in diff.stdout
    verify = CliRunner().invoke(main, ["verify", sample, "-n", "2"], catch_exceptions=False)
    assert verify.exit_code == 0, verify.stdout + verify.stderr
