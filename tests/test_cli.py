"""The command line: modes, exit codes, byte preservation, safety, configuration."""

from __future__ import annotations

import codecs
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pygit2
import pytest
from click.testing import CliRunner

from migrator import engine, sourcefile
from migrator.cli import main

SIMPLE = """\
import unittest


class Simple(unittest.TestCase):
    def setUp(self):
        self.x = 1

    def tearDown(self):
        self.x = None

    def test_x(self):
        self.assertEqual(self.x, 1)
"""

REFUSED = """\
import unittest


class Refused(unittest.TestCase):
    def setUp(self):
        self.x = 1; register = self.addCleanup; register(print)

    def test_x(self):
        self.assertEqual(self.x, 1)
"""


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_simple.py").write_text(SIMPLE)
    return tmp_path


def test_rewrites_in_place_and_exits_0(project: Path) -> None:
    code, out, err = run(str(project / "tests"))
    assert code == 0
    text = (project / "tests" / "test_simple.py").read_text()
    assert "@pytest.fixture(autouse=True)" in text
    assert "def setUp" not in text
    assert out == ""
    assert "lifecycle methods converted" in err


def test_second_run_is_a_no_op(project: Path) -> None:
    run(str(project))
    before = (project / "tests" / "test_simple.py").read_bytes()
    code, _, _ = run("--check", str(project))
    assert code == 0
    assert (project / "tests" / "test_simple.py").read_bytes() == before


def test_check_exits_1_and_writes_nothing(project: Path) -> None:
    code, out, _ = run("--check", str(project))
    assert code == 1
    assert out == ""
    assert (project / "tests" / "test_simple.py").read_text() == SIMPLE


def test_diff_is_accepted_by_git_apply(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pygit2.init_repository(str(project))
    monkeypatch.chdir(project)
    code, out, _ = run("--diff", "tests")
    assert code == 0
    assert out.startswith("diff --git a/tests/test_simple.py b/tests/test_simple.py\n")
    assert (project / "tests" / "test_simple.py").read_text() == SIMPLE
    (project / "patch.diff").write_text(out)
    subprocess.run(["git", "apply", "patch.diff"], cwd=project, check=True)
    assert "def _simple_setup(self):" in (project / "tests" / "test_simple.py").read_text()


def test_json_report(project: Path) -> None:
    (project / "tests" / "test_refused.py").write_text(REFUSED)
    code, out, _ = run("--json", "--check", str(project))
    assert code == 1
    data = json.loads(out)
    assert data["summary"]["changed"] == 1
    assert data["summary"]["refusals_by_code"] == {"MF111": 1}
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert by_name["test_simple.py"]["changes"] == 2
    refusal = by_name["test_refused.py"]["refusals"][0]
    assert refusal == {
        "code": "MF111",
        "path": str(project / "tests" / "test_refused.py"),
        "line": 6,
        "class": "Refused",
        "message": "cleanup API used other than as a direct call",
    }


def test_strict_makes_refusals_exit_1(project: Path) -> None:
    (project / "tests" / "test_simple.py").write_text(REFUSED)
    assert run(str(project))[0] == 0
    code, _, err = run("--strict", str(project))
    assert code == 1
    assert "MF111 [Refused]" in err


def test_usage_errors_exit_2(project: Path) -> None:
    assert run(str(project / "missing"))[0] == 2
    assert run("--jobs", "0", str(project))[0] == 2
    assert run("-", str(project))[0] == 2


def test_stdin_to_stdout() -> None:
    code, out, _ = run("-", "--stdin-filename", "test_x.py", input=SIMPLE)
    assert code == 0
    assert "def _simple_setup(self):" in out


def test_stdin_diff() -> None:
    code, out, _ = run("-", "--diff", "--stdin-filename", "test_x.py", input=SIMPLE)
    assert code == 0
    assert out.startswith("diff --git a/test_x.py b/test_x.py")


def test_unparsable_file_is_reported_and_untouched(project: Path) -> None:
    broken = project / "tests" / "test_broken.py"
    broken.write_text("def setUp(:\n")
    code, _, err = run(str(project))
    assert code == 123  # like black: a file that does not parse is an error
    assert broken.read_text() == "def setUp(:\n"
    assert "MF100" in err


def test_quiet_prints_only_the_errors(project: Path) -> None:
    """``-q`` silences the table, the refusals and the file lines, never an error: a file
    that does not parse (here one with nothing to convert either) still gets its line, at
    its real line and column, and exit 123, from a run on files and on stdin alike."""
    broken = project / "tests" / "test_broken.py"
    broken.write_text("import unittest\n\n\nx = (\n")
    code, out, err = run("-q", "--check", str(project))
    assert (code, out) == (123, "")
    expected = f"error: cannot parse {broken}:4: line 4, column 5: '(' was never closed"
    assert err.strip().splitlines() == [expected]
    code, out, err = run("-q", "-", input="x = (\n")
    assert (code, out) == (123, "x = (\n")  # stdin comes back as it was: nothing is lost
    expected = "error: cannot parse <stdin>:1: line 1, column 5: '(' was never closed"
    assert err.strip().splitlines() == [expected]


def test_internal_error_exits_123_and_leaves_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(engine, "rewrite_module", boom)
    code, _, err = run("-j", "1", str(project))
    assert code == 123
    assert "internal error" in err
    assert (project / "tests" / "test_simple.py").read_text() == SIMPLE


def test_bytes_preserved_bom_crlf_cookie_no_final_newline(tmp_path: Path) -> None:
    crlf = SIMPLE.replace("\n", "\r\n").rstrip("\r\n").replace("self.x = 1", "self.x = 'é'")
    crlf = crlf.replace("assertEqual(self.x, 1)", "assertEqual(self.x, 'é')")
    bom = tmp_path / "test_bom.py"
    bom.write_bytes(codecs.BOM_UTF8 + crlf.encode("utf-8"))
    latin = tmp_path / "test_latin.py"
    latin.write_bytes(("# -*- coding: latin-1 -*-\r\n" + crlf).encode("latin-1"))
    os.chmod(latin, 0o751)
    assert run(str(tmp_path))[0] == 0
    data = bom.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert not data.endswith(b"\n")
    assert "self.x = 'é'".encode() in data
    latin_data = latin.read_bytes()
    assert "self.x = 'é'".encode("latin-1") in latin_data
    assert b"\n" not in latin_data.replace(b"\r\n", b"")
    assert stat.S_IMODE(latin.stat().st_mode) == 0o751


def test_interrupted_write_leaves_original_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "test_x.py"
    target.write_text(SIMPLE)

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sourcefile.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        sourcefile.atomic_write(target, b"new content")
    assert target.read_text() == SIMPLE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["test_x.py"]


def test_pyproject_defaults_and_flags_win(project: Path) -> None:
    (project / "tests" / "helper_cases.py").write_text(SIMPLE)
    (project / "pyproject.toml").write_text('[tool.migrate-fixtures]\ninclude = ["helper_*.py"]\n')
    data = json.loads(run("--json", "--check", str(project / "tests"))[1])
    changed = {Path(f["path"]).name for f in data["files"] if f["status"] == "changed"}
    assert changed == {"helper_cases.py"}
    data = json.loads(run("--json", "--check", "--include", "test_*.py", str(project / "tests"))[1])
    changed = {Path(f["path"]).name for f in data["files"] if f["status"] == "changed"}
    assert changed == {"test_simple.py"}


def test_bad_config_exits_2(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.migrate-fixtures]\nnope = 1\n")
    code, _, err = run(str(project / "tests"))
    assert code == 2
    assert "unknown key 'nope'" in err


def test_gitignore_and_excludes_are_respected(project: Path) -> None:
    pygit2.init_repository(str(project))
    (project / ".gitignore").write_text("generated/\n")
    for folder in ("generated", "build", "keep"):
        (project / folder).mkdir()
        (project / folder / "test_more.py").write_text(SIMPLE)
    data = json.loads(run("--json", "--check", str(project))[1])
    seen = {Path(f["path"]).parent.name for f in data["files"]}
    assert seen == {"tests", "keep"}
    data = json.loads(run("--json", "--check", "--extend-exclude", "keep", str(project))[1])
    assert {Path(f["path"]).parent.name for f in data["files"]} == {"tests"}


def test_parallel_jobs_give_the_same_report(project: Path) -> None:
    for n in range(6):
        (project / "tests" / f"test_copy{n}.py").write_text(SIMPLE.replace("Simple", f"Simple{n}"))
    one = json.loads(run("--json", "--check", "-j", "1", str(project))[1])
    two = json.loads(run("--json", "--check", "-j", "2", str(project))[1])
    assert one == two
    assert one["summary"]["changed"] == 7


def test_console_script_entry_point(project: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "migrator", "--check", str(project)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr


HAZARDOUS = """\
import unittest


class Server(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.address = ("localhost", 8765)

    def test_address(self):
        self.assertEqual(self.address[1], 8765)
"""


def test_hazards_mode_reports_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "test_server.py").write_text(HAZARDOUS)
    code, out, _ = run("--hazards", "--json", str(tmp_path))
    assert code == 1
    assert json.loads(out)["hazards"] == [
        {
            "code": "MF203",
            "path": str(tmp_path / "test_server.py"),
            "line": 7,
            "class": "Server",
            "message": "fixed port 8765: every worker binds the same one",
        }
    ]
    assert (tmp_path / "test_server.py").read_text() == HAZARDOUS
    code, out, _ = run("--hazards", str(tmp_path))
    assert code == 1
    assert "MF203" in out


def test_hazards_mode_exits_0_without_hazards(project: Path) -> None:
    code, out, _ = run("--hazards", str(project))
    assert code == 0
    assert "no parallel hazards found" in out


def test_hazards_mode_with_an_unparsable_file_says_so_and_exits_123(project: Path) -> None:
    """The answer leaves that file out: an error line and exit 123, as ``--check`` does."""
    (project / "tests" / "test_broken.py").write_text("import unittest\nx = (\n")
    code, _, err = run("--hazards", str(project))
    assert code == 123
    assert "error: cannot parse" in err
    assert "test_broken.py:2" in err


def test_a_path_hidden_by_gitignore_is_warned_about(project: Path) -> None:
    pygit2.init_repository(str(project))
    (project / ".gitignore").write_text("tests/\n")
    code, _, err = run("--check", str(project / "tests"))
    assert code == 0
    assert "no Python files found" in err
    assert "--no-gitignore" in err
    code, _, err = run("--check", "--no-gitignore", str(project / "tests"))
    assert code == 1  # the file is seen and would change
    assert "no Python files found" not in err


# -- writes, exit codes and messages ---------------------------------------------------------

BAD_SYNTAX = (
    "import unittest\n\n\nclass T(unittest.TestCase):\n    def setUp(self):\n        x = (\n"
)


def test_unparsable_file_fails_check_with_its_real_position(project: Path) -> None:
    (project / "tests" / "test_bad.py").write_text(BAD_SYNTAX)
    code, _, err = run("--check", str(project))
    assert code == 123
    assert "test_bad.py:6: MF100 line 6, column 13: '(' was never closed" in err


def test_binary_file_is_not_python_text(project: Path) -> None:
    (project / "tests" / "test_blob.py").write_bytes(b"class A:\x00\x01\n")
    code, _, err = run("--check", str(project))
    assert code == 123
    assert "not Python text" in err


def test_check_lists_what_would_change(project: Path) -> None:
    code, _, err = run("--check", str(project))
    assert code == 1
    assert f"would migrate {project / 'tests' / 'test_simple.py'}" in err
    assert "lifecycle methods it would convert" in err


def _two_changed_files(project: Path) -> tuple[Path, Path]:
    first = project / "tests" / "test_simple.py"
    second = project / "tests" / "test_second.py"
    second.write_text(first.read_text().replace("class ", "class Second"))
    return first, second


def _run_with_second_replace_failing(
    project: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> tuple[int, str]:
    """Migrate two files while the second ``os.replace`` raises ``error``; check that both
    files keep their bytes and no temporary file stays. Returns (exit code, stderr)."""
    first, second = _two_changed_files(project)
    before = {p: p.read_bytes() for p in (first, second)}
    real = os.replace
    calls = []

    def fails_second(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise error
        real(src, dst)

    monkeypatch.setattr(os, "replace", fails_second)
    code, _, err = run("-j", "1", str(project))
    monkeypatch.setattr(os, "replace", real)
    assert {p: p.read_bytes() for p in (first, second)} == before
    assert not list((project / "tests").glob("*.mf-tmp"))
    return code, err


def test_a_failed_write_puts_back_what_was_written(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, err = _run_with_second_replace_failing(
        project, monkeypatch, OSError(28, "No space left on device")
    )
    assert code == 123
    assert "No space left on device; nothing was written (1 file(s) put back)" in err


def test_ctrl_c_during_writes_leaves_nothing_half_done(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, err = _run_with_second_replace_failing(project, monkeypatch, KeyboardInterrupt())
    assert code == 130
    assert "interrupted: nothing was written" in err


def test_links_and_read_only_files_are_reported_and_left(project: Path) -> None:
    target = project / "tests" / "test_simple.py"
    original = target.read_bytes()
    outside = project / "elsewhere"
    outside.mkdir()
    (outside / "test_real.py").write_bytes(original)
    (project / "tests" / "test_link.py").symlink_to(outside / "test_real.py")
    os.link(target, project / "hard_twin.py")
    readonly = project / "tests" / "test_readonly.py"
    readonly.write_bytes(original.replace(b"class ", b"class ReadOnly"))
    readonly.chmod(0o444)
    code, _, err = run(str(project / "tests"))
    assert code == 0
    assert (project / "tests" / "test_link.py").is_symlink()
    assert (outside / "test_real.py").read_bytes() == original
    assert "a symbolic link to" in err
    assert target.read_bytes() == original
    assert os.stat(target).st_nlink == 2
    assert "hard links: not rewritten" in err
    assert readonly.read_bytes() == original.replace(b"class ", b"class ReadOnly")
    assert "read-only: not rewritten" in err


def test_no_color_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    from migrator.cli import _consoles

    monkeypatch.setenv("NO_COLOR", "1")
    err, out = _consoles(None)
    assert err.no_color
    assert out.no_color
    forced, _ = _consoles(True)
    assert not forced.no_color


LATIN1 = (
    "# -*- coding: latin-1 -*-\nimport unittest\n\n\nclass Caf\u00e9Tests(unittest.TestCase):\n"
    "    def setUp(self):\n        self.word = 'caf\u00e9'\n\n"
    "    def test_word(self):\n        self.assertEqual(self.word, 'caf\u00e9')\n"
)


def test_diff_of_a_latin1_file_applies_with_git(tmp_path: Path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    target = tmp_path / "test_latin1.py"
    target.write_bytes(LATIN1.encode("latin-1"))
    result = subprocess.run(
        [sys.executable, "-m", "migrator", "--diff", "test_latin1.py"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"\xef\xbf\xbd" not in result.stdout  # no U+FFFD: the file's own bytes
    assert b"caf\xe9" in result.stdout
    applied = subprocess.run(
        ["git", "apply", "-"], cwd=tmp_path, input=result.stdout, capture_output=True, check=False
    )
    assert applied.returncode == 0, applied.stderr
    migrated = target.read_bytes().decode("latin-1")
    assert "@pytest.fixture(autouse=True)" in migrated
    assert "        self.word = 'caf\u00e9'\n" in migrated


def test_the_engine_announces_each_phase_with_its_real_total(project: Path) -> None:
    (project / "tests" / "test_other.py").write_text(SIMPLE.replace("Simple", "Other"))
    (project / "tests" / "helpers.py").write_text("X = 1\n")

    class Recorder:
        def __init__(self) -> None:
            self.events: list[tuple[str, int]] = []
            self.advanced: dict[str, int] = {}

        def __call__(self, n: int) -> None:
            phase = self.events[-1][0]
            self.advanced[phase] = self.advanced.get(phase, 0) + n

        def phase(self, name: str, total: int) -> None:
            self.events.append((name, total))

    recorder = Recorder()
    engine.migrate_paths([project], engine.Options(jobs=1), recorder)
    assert recorder.events == [("indexing", 3), ("planning", 0), ("rewriting", 2)]
    assert recorder.advanced == {"indexing": 3, "rewriting": 2}
