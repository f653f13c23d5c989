"""Unit tests of the facts behind temporary paths, environment restores and hazards."""

from __future__ import annotations

import ast

import pytest

from migrator.engine import migrate_source
from transforms.env_facts import restore_tail
from transforms.temp_facts import relative_name, restored, state_writes, temp_sites

ALIASES = {"os": "os", "sys": "sys", "locale": "locale", "tempfile": "tempfile", "pkg": "pkg"}


def body(source: str) -> list[ast.stmt]:
    return ast.parse(source).body


@pytest.mark.parametrize(
    ("source", "handles_absent", "exact"),
    [
        ('os.environ["K"] = self.old', False, False),
        (
            'if self.old is None:\n    os.environ.pop("K", None)\n'
            'else:\n    os.environ["K"] = self.old',
            True,
            True,
        ),
        (
            'if self.old is not None:\n    os.environ["K"] = self.old\n'
            'else:\n    os.environ.pop("K", None)',
            True,
            True,
        ),
        (
            'if self.old is None:\n    del os.environ["K"]\nelse:\n    os.environ["K"] = self.old',
            True,
            False,
        ),
        (
            'if self.old is None:\n    os.environ.pop("K")\nelse:\n    os.environ["K"] = self.old',
            True,
            False,
        ),
    ],
)
def test_restore_shapes(source: str, handles_absent: bool, exact: bool) -> None:
    tail = restore_tail(body(source + "\nsuper().tearDown()"), "self", "C", ALIASES)
    assert len(tail.env) == 1
    assert tail.env[0].key == "K"
    assert tail.env[0].target == "self.old"
    assert (tail.env[0].handles_absent, tail.env[0].exact_when_absent) == (handles_absent, exact)


def test_restore_tail_stops_at_other_statements() -> None:
    source = 'os.environ["A"] = self.a\nprint()\nos.environ["B"] = self.b\nos.chdir(self.cwd)'
    tail = restore_tail(body(source), "self", "C", ALIASES)
    assert [r.key for r in tail.env] == ["B"]
    assert tail.chdir is not None
    assert tail.chdir.saved == "self.cwd"


def test_state_writes_skip_queries_deletions_and_own_attributes() -> None:
    source = (
        "locale.setlocale(locale.LC_ALL)\n"  # a query
        "locale.setlocale(locale.LC_ALL, 'C')\n"
        "del sys.last_traceback\n"
        "self.x = 1\n"
        "sys.path.insert(0, 'x')\n"
        "pkg.flag = True\n"
        "sys.modules['m'] = object()\n"
        "os.environ['X'] = '1'\n"  # MF204's business
    )
    groups = [(g, a) for g, _, a in state_writes(body(source), ALIASES)]
    assert groups == [
        ("locale.setlocale", False),
        ("sys.path", False),
        ("pkg.flag", True),
        ("sys.modules", False),
    ]


def test_restored_by_group_or_owner() -> None:
    assert restored("sys.path", False, frozenset({"sys.path.remove"}))
    assert not restored("sys.path", False, frozenset({"sys"}))
    assert restored("pkg.flag", True, frozenset({"pkg"}))  # setattr(pkg, "flag", old)
    assert not restored("pkg.flag", True, frozenset({"pkg2"}))


@pytest.mark.parametrize(
    ("literal", "expected"),
    [("data.db", "data.db"), ("report.txt", "report.txt"), ("/tmp/x.db", None), ("x", None)],
)
def test_relative_names(literal: str, expected: str | None) -> None:
    assert relative_name(ast.Constant(literal)) == expected


def test_dir_sites_skip_an_explicit_dir_kwargs_and_nested_defs() -> None:
    source = (
        "a = tempfile.mkdtemp(dir=self.base)\n"
        "b = tempfile.mkstemp('.x', 'p', self.base)\n"  # dir given by position
        "c = tempfile.NamedTemporaryFile(**self.options)\n"
        "def later():\n    return tempfile.mkdtemp()\n"
        "self.d = tempfile.TemporaryDirectory()\n"
        "self.e = tempfile.mkdtemp()\n"
    )
    paths, dirs = temp_sites(body(source), "self", ALIASES)
    assert [s.target for s in paths] == ["self.e"]
    assert [d.source for d in dirs] == ["tempfile.TemporaryDirectory()"]
    assert [d.label for d in dirs] == ["d"]


def test_environment_value_of_unknown_type_is_not_converted() -> None:
    source = (
        "import os, unittest\n"
        "class T(unittest.TestCase):\n"
        "    def setUp(self):\n"
        "        self.old = os.environ['PATH']\n"
        "        os.environ['PATH'] = compute()\n"
        "    def tearDown(self):\n"
        "        os.environ['PATH'] = self.old\n"
        "    def test(self):\n"
        "        pass\n"
    )
    result = migrate_source(source, "test_env.py")
    assert result.output is not None
    assert "monkeypatch" not in result.output
    assert [h.code.value for h in result.hazards] == ["MF204"]


def test_only_imports_the_rewrite_left_unused_are_removed() -> None:
    source = (
        "import os\n"
        "import shutil\n"
        "import tempfile\n"
        "import unittest\n"
        "from shutil import copy\n"  # unused before the migration: stays
        "\n\n"
        "class T(unittest.TestCase):\n"
        "    def setUp(self):\n"
        "        self.tmp = tempfile.mkdtemp()\n"
        "\n"
        "    def tearDown(self):\n"
        "        shutil.rmtree(self.tmp)\n"
        "\n"
        "    def test(self):\n"
        "        self.assertTrue(os.path.isdir(self.tmp))\n"
    )
    result = migrate_source(source, "test_imports.py")
    assert result.output is not None
    assert "import shutil\n" not in result.output
    assert "import tempfile\n" not in result.output
    assert "from shutil import copy\n" in result.output
    assert "import os\n" in result.output


def test_an_import_still_read_elsewhere_stays() -> None:
    source = (
        "import tempfile\n"
        "import unittest\n"
        "\n\n"
        "class T(unittest.TestCase):\n"
        "    def setUp(self):\n"
        "        self.tmp = tempfile.mkdtemp()\n"
        "\n"
        "    def test(self):\n"
        "        self.assertTrue(tempfile.gettempdir())\n"
    )
    result = migrate_source(source, "test_imports.py")
    assert result.output is not None
    assert "str(tmp_path)" in result.output
    assert "import tempfile\n" in result.output


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('os.unlink("TEST.odt")', ["file 'TEST.odt' removed from the working directory"]),
        ('shutil.rmtree("out.d")', ["file 'out.d' removed from the working directory"]),
        ('os.remove(os.path.join(self.tmp, "TEST.odt"))', []),
        ('os.remove("/var/x.db")', []),
        ("os.remove(self.path)", []),
    ],
)
def test_a_teardown_removing_a_plain_name_is_a_hazard(source: str, expected: list[str]) -> None:
    from transforms.temp_facts import hazards

    found = list(hazards(body(source), {**ALIASES, "shutil": "shutil"}))
    assert [h.message.split(",")[0] for h in found] == expected
    assert all(h.code == "MF202" for h in found)


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("config.sys.stdout = self.stream", 1),
        ('x = 1\nsetattr(config.sys, "stdout", self.stream)', 2),
        ('setattr(sys, "stderr", self.stream)', 1),
        ("self.out = config.sys.stdout", None),
        ('setattr(self, "stdout", 1)', None),
    ],
)
def test_a_standard_stream_replaced_through_a_module_is_per_phase_state(
    source: str, line: int | None
) -> None:
    from transforms.temp_facts import phase_state_line

    assert phase_state_line(body(source), {**ALIASES, "config": "pkg.config"}) == line


@pytest.mark.parametrize(
    ("constants", "expected"),
    [
        # CPython's test_gettext: a class setup writes into folders of the working directory.
        (
            'LOCALEDIR = os.path.join("xx", "LC_MESSAGES")\n'
            'MOFILE = os.path.join(LOCALEDIR, "gettext.mo")\n',
            ["file 'xx/LC_MESSAGES/gettext.mo' (module constant MOFILE, line 2"],
        ),
        ('MOFILE = os.path.join(HOME, "gettext.mo")\n', []),  # HOME: not a known constant
        ('MOFILE = os.path.join("/srv", "gettext.mo")\n', []),  # absolute: not relative
        ('MOFILE = os.path.join("..", "gettext.mo")\n', []),
    ],
)
def test_joined_relative_constants_written_are_hazards(constants: str, expected: list[str]) -> None:
    from transforms.temp_facts import hazards, module_constants

    tree = ast.parse(constants)
    found = module_constants(tree, ALIASES)
    setup = body('with open(MOFILE, "wb") as fp:\n    fp.write(b"")')
    messages = [h.message.split(")")[0] for h in hazards(setup, ALIASES, found)]
    assert messages == expected
    assert all(c.kind != "joined" or "/" in c.value for c in found.values())
