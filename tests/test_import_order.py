"""Added imports go where isort/ruff put them when the block is sorted; ruff ``I``/``PT``
raise nothing on the corpus outputs that the inputs did not already raise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import libcst as cst
import pytest

from transforms.imports import add_imports

ROOT = Path(__file__).resolve().parent.parent
BOTH = [("contextlib", "contextlib"), ("pytest", "pytest")]

CASES = [
    (
        "import unittest\n\n\nclass A:\n    pass\n",
        "import contextlib\nimport unittest\n\nimport pytest\n\n\nclass A:\n    pass\n",
    ),
    (
        "from __future__ import annotations\n\nimport unittest\n\nimport zlib_ng\n\nx = 1\n",
        "from __future__ import annotations\n\nimport contextlib\nimport unittest\n\n"
        "import pytest\nimport zlib_ng\n\nx = 1\n",
    ),
    (
        "import abc\nimport unittest\nfrom os import path\n\nimport attr\nimport zz\n\nx = 1\n",
        "import abc\nimport contextlib\nimport unittest\nfrom os import path\n\n"
        "import attr\nimport pytest\nimport zz\n\nx = 1\n",
    ),
    (
        '"""Doc."""\nimport attr\n\nx = 1\n',
        '"""Doc."""\nimport contextlib\n\nimport attr\nimport pytest\n\nx = 1\n',
    ),
    (
        "import unittest\n\nfrom . import helpers\n\nx = 1\n",
        "import contextlib\nimport unittest\n\nimport pytest\n\nfrom . import helpers\n\nx = 1\n",
    ),
]


@pytest.mark.parametrize(("before", "after"), CASES)
def test_sorted_block_gets_sorted_imports(before: str, after: str) -> None:
    assert add_imports(cst.parse_module(before), BOTH).code == after


def test_unsorted_block_keeps_appended_placement() -> None:
    before = "import unittest\nimport os\n\nx = 1\n"
    expected = "import unittest\nimport os\nimport contextlib\nimport pytest\n\nx = 1\n"
    assert add_imports(cst.parse_module(before), BOTH).code == expected


def test_first_party_found_at_the_project_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "mypkg").mkdir()
    (tmp_path / "tests").mkdir()
    test = tmp_path / "tests" / "test_x.py"
    before = "import unittest\n\nfrom mypkg import thing\n\nx = 1\n"
    test.write_text(before)
    out = add_imports(cst.parse_module(before), [("pytest", "pytest")], str(test)).code
    assert out == "import unittest\n\nimport pytest\n\nfrom mypkg import thing\n\nx = 1\n"


def test_existing_import_is_not_added_twice() -> None:
    before = "import unittest\n\nimport pytest\n\nx = 1\n"
    assert add_imports(cst.parse_module(before), BOTH).code == (
        "import contextlib\nimport unittest\n\nimport pytest\n\nx = 1\n"
    )


def test_corpus_outputs_add_no_isort_finding() -> None:
    """Every corpus pair: ruff ``I`` and ``PT`` findings of the output minus the input's.
    The only ones allowed are PT013 where pytest is shadowed and must be aliased."""
    proc = subprocess.run(
        [sys.executable, "scripts/lint_delta.py", "fixtures_corpus"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    added = [line for line in proc.stdout.splitlines() if ": +" in line]
    assert added, "the corpus has aliased-pytest cases; the script must report their PT013"
    assert all(line.endswith("PT013") and "hygiene_" in line for line in added), added


def test_an_import_after_a_try_block_is_not_added_again() -> None:
    before = "try:\n    import json\nexcept ImportError:\n    json = None\n\n"
    before += "import pytest\n\nx = 1\n"
    assert add_imports(cst.parse_module(before), [("pytest", "pytest")]).code == before


def test_an_import_after_the_first_class_does_not_count() -> None:
    before = "import unittest\n\n\nclass A:\n    pass\n\n\nimport pytest\n"
    out = add_imports(cst.parse_module(before), [("pytest", "pytest")]).code
    assert out.startswith("import unittest\n\nimport pytest\n\n\nclass A:")
