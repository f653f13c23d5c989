"""The GitHub Action's script, run locally with a fake ``GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.test_ci_output import REFUSED, SIMPLE

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "github_action.sh"


def _action(
    tmp_path: Path, project: Path, **inputs: str
) -> tuple[subprocess.CompletedProcess[str], str, str]:
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    env = {
        **os.environ,
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "INPUT_PATH": str(project),
        "INPUT_PYTHON": sys.executable,
        "NO_COLOR": "1",
        **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
    }
    proc = subprocess.run(
        ["bash", str(SCRIPT)], env=env, capture_output=True, text=True, check=False, cwd=ROOT
    )
    read = lambda p: p.read_text() if p.exists() else ""  # noqa: E731
    return proc, read(summary), read(output)


def _project(folder: Path) -> Path:
    folder.mkdir()
    (folder / "pyproject.toml").write_text("")
    (folder / "test_refused.py").write_text(REFUSED)
    (folder / "test_simple.py").write_text(SIMPLE)
    return folder


def test_check_mode_annotates_summarises_and_writes_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    proc, summary, output = _action(tmp_path, project)
    assert proc.returncode == 0, proc.stderr  # fail-on-change is off by default
    assert re.search(r"^::warning file=.*test_refused\.py,line=\d+,title=MF111", proc.stdout, re.M)
    assert summary.startswith("## migrate-fixtures")
    assert "| files would change | 1 |" in summary
    assert "+    @pytest.fixture(autouse=True)" in summary
    assert output == "exit-code=1\n"
    assert (project / "test_simple.py").read_text() == SIMPLE


def test_fail_on_change_fails_the_step(tmp_path: Path) -> None:
    proc, _summary, _output = _action(tmp_path, _project(tmp_path / "p"), fail_on_change="true")
    assert proc.returncode == 1


def test_check_mode_with_verify_adds_the_verify_table(tmp_path: Path) -> None:
    project = tmp_path / "p"
    project.mkdir()
    (project / "pyproject.toml").write_text("")
    (project / "test_simple.py").write_text(SIMPLE)
    proc, summary, _output = _action(tmp_path, project, verify="true")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert summary.index("## migrate-fixtures") < summary.index("### Verify")
    assert "| tests compared | 1 |" in summary
    assert (project / "test_simple.py").read_text() == SIMPLE


def test_write_mode_with_verify_adds_the_verify_table(tmp_path: Path) -> None:
    project = tmp_path / "p"
    project.mkdir()
    (project / "pyproject.toml").write_text("")
    (project / "test_simple.py").write_text(SIMPLE)
    proc, summary, output = _action(tmp_path, project, mode="write", verify="true")
    assert output == "exit-code=0\n"
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "| files changed | 1 |" in summary
    assert "### Verify" in summary
    assert "**OK: every outcome is the same**" in summary
    assert (project / "test_simple.py").read_text() != SIMPLE


def test_action_yml_passes_every_input_to_the_script() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    run = action["runs"]["steps"][-1]
    assert "/scripts/github_action.sh" in run["run"]
    script = SCRIPT.read_text()
    for name in action["inputs"]:
        variable = f"INPUT_{name.upper().replace('-', '_')}"
        assert run["env"][variable] == f"${{{{ inputs.{name} }}}}"
        assert variable in script
