"""Every JSON output validates against the schema shipped in the package."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from migrator.cli import main

SCHEMA = json.loads(resources.files("migrator").joinpath("schema/report.schema.json").read_text())
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_suite"


def output(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    data: dict[str, object] = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    return data


def test_the_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_migrate_report_with_diffs_validates() -> None:
    data = output("--json", "--diff", str(SAMPLE))
    assert data["kind"] == "migrate"
    assert data["written"] == []
    files = data["files"]
    assert isinstance(files, list)
    assert any(f["diff"] for f in files)


def test_report_says_what_was_written(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(SAMPLE, tmp_path / "suite")
    data = output("--json", str(tmp_path / "suite"))
    written = data["written"]
    assert isinstance(written, list)
    assert sorted(Path(p).name for p in written) == [
        "base.py",
        "test_exports.py",
        "test_inventory.py",
        "test_orders.py",
    ]


def test_hazards_output_validates(tmp_path: Path) -> None:
    (tmp_path / "test_port.py").write_text(
        "import unittest\n\n\nclass S(unittest.TestCase):\n    def setUp(self):\n"
        "        self.addr = ('localhost', 8765)\n\n    def test_x(self):\n        pass\n"
    )
    result = CliRunner().invoke(main, ["--hazards", "--json", str(tmp_path)])
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["kind"] == "hazards"
    assert [h["code"] for h in data["hazards"]] == ["MF203"]


@pytest.mark.slow
def test_verify_output_validates() -> None:
    data = output("verify", "--json", "-n", "2", "-q", str(SAMPLE))
    assert data["kind"] == "verify"
    assert data["ok"] is True


def test_a_wrong_output_does_not_validate() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"kind": "migrate", "version": 1, "summary": {}, "files": []}, SCHEMA)
