"""The README documents every refusal code and the same test command as CI."""

from __future__ import annotations

from pathlib import Path

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
