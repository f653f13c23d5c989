"""The scope advisor: static evidence, the class-scope rewrite, the -n/--dist advice, the
profiling plugin under xdist, and advise + apply proving (and reverting) proposals."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from migrator import advisor
from migrator.cli import main
from migrator.scope_static import analyse


def _verdict(body: str, tests: str = "", cls: str = "T") -> list[str]:
    """The reasons for a fixture ``_setup`` with ``body`` in class ``cls`` (whose body
    starts at line 8), followed by ``tests`` (methods, from line 11 for a 2-line body)."""
    head = f"import os\nimport pytest\n\n\nclass {cls}:\n    @pytest.fixture(autouse=True)\n"
    source = head + "    def _setup(self):\n" + textwrap.indent(body, " " * 8)
    source += "\n" + textwrap.indent(tests, " " * 4)
    return analyse(source, [cls], "_setup").reasons


def test_static_accepts_a_setup_that_only_makes_attributes() -> None:
    assert (
        _verdict(
            "self.db = make()\nyield\nself.db.close()\n", "def test_a(self):\n    self.db.query()\n"
        )
        == []
    )


@pytest.mark.parametrize(
    ("body", "tests", "reason"),
    [
        (
            "self.x = []\n",
            "def test_a(self):\n    self.x = [1]\n",
            "test_a (line 11) assigns self.x",
        ),
        (
            "self.x = {}\n",
            "def test_a(self):\n    self.x['k'] = 1\n",
            "test_a (line 11) assigns self.x['k']",
        ),
        ("self.x = 1\n", "def test_a(self):\n    del self.x\n", "test_a (line 11) deletes self.x"),
        ("self.x = self.helper()\n", "", "line 8: uses self.helper, which it does not make"),
        (
            "self.x = 1\nregister(self)\n",
            "",
            "line 9: passes self itself along (it would be the class)",
        ),
        (
            "self.x = 1\nos.environ['A'] = '1'\n",
            "",
            "line 9: writes os.environ['A'] (outside the instance)",
        ),
        ("self.x = os.getcwd()\n", "", "line 8: calls os.getcwd() (process-wide state or files)"),
        (
            "self.p = path\nself.p.write_text('x')\n",
            "",
            "line 9: calls .write_text() (files a test could change)",
        ),
        ("global G\nG = 1\nself.x = 1\n", "", "line 8: declares G global"),
        ("pass\n", "", "makes no instance attribute: nothing to share"),
    ],
)
def test_static_refusals_say_why(body: str, tests: str, reason: str) -> None:
    assert reason in _verdict(body, tests)


def test_static_sees_other_fixtures_and_non_setup_fixtures() -> None:
    source = textwrap.dedent(
        """\
        import pytest


        class T:
            @pytest.fixture(autouse=True)
            def _setup(self, tmp_path):
                self.p = tmp_path

            @pytest.fixture
            def plain(self):
                return 1
        """
    )
    assert analyse(source, ["T"], "_setup").reasons == ["requests other fixtures (tmp_path)"]
    assert analyse(source, ["T"], "plain").reasons == [
        "not an autouse function-scoped fixture (not from a setUp)"
    ]


def test_subclass_methods_count_as_tests() -> None:
    source = textwrap.dedent(
        """\
        import pytest


        class Base:
            @pytest.fixture(autouse=True)
            def _setup(self):
                self.items = []


        class Child(Base):
            def test_a(self):
                self.items += [1]
        """
    )
    assert analyse(source, ["Base"], "_setup").reasons == ["test_a (line 12) assigns self.items"]


def _proposal(fixture: str) -> advisor.Proposal:
    file, *classes, name = fixture.split("::")
    stats = advisor.FixtureStats(fixture, "function", 3, 0.3, 0.0, {f"{file}::{classes[0]}": 3})
    return advisor.Proposal(fixture, file, classes, name, stats, analyse_ok(), [])


def analyse_ok() -> advisor.StaticVerdict:
    return advisor.StaticVerdict([], ["db"])


def test_widen_rewrites_exactly() -> None:
    before = textwrap.dedent(
        """\
        class T(unittest.TestCase):
            @pytest.fixture(autouse=True)
            def _t_setup(self):
                self.db = connect()
                yield
                self.db.close()

            def test_a(self):
                self.db.query()
        """
    )
    after = textwrap.dedent(
        """\
        class T(unittest.TestCase):
            @pytest.fixture(autouse=True, scope="class")
            def _t_setup(self, request):
                request.cls.db = connect()
                yield
                request.cls.db.close()

            def test_a(self):
                self.db.query()
        """
    )
    assert advisor.widen(before, [_proposal("t.py::T::_t_setup")]) == after
    with pytest.raises(ValueError, match="not found"):
        advisor.widen(before, [_proposal("t.py::Other::_t_setup")])


@pytest.mark.parametrize(
    ("serial", "parallel", "cpus", "args"),
    [
        (3.4, None, 2, "-n 0"),  # small suites got slower with xdist here
        (174.0, None, 2, "-n 2 --dist load"),
        (1.6, 2.5, 2, "-n 0"),  # measured: parallel slower
        (30.0, 17.0, 4, "-n 4 --dist load"),
        (100.0, None, 1, "-n 0"),
    ],
)
def test_recommendation_follows_measurements(
    serial: float, parallel: float | None, cpus: int, args: str
) -> None:
    assert advisor.recommend(serial, parallel, cpus).args() == args
    wide = advisor.recommend(serial, parallel, cpus, wide_fixtures=True).args()
    assert wide == args.replace("--dist load", "--dist loadscope")


def test_verify_uses_at_least_two_workers() -> None:
    assert advisor.verify_workers(1.0, cpus=8) == 2
    assert advisor.verify_workers(60.0, cpus=8) == 8
    assert advisor.verify_workers(60.0, cpus=1) == 1


SUITE = '''\
import time
import unittest

import pytest


class Holder:
    """Its pickle hides its state: a fingerprint cannot see a test change it."""

    def __init__(self):
        self.n = 0

    def __getstate__(self):
        return {}

    def bump(self):
        self.n += 1
        return self.n


class ReadOnly(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _read_only_setup(self):
        time.sleep(0.02)
        self.data = {"a": 1}
        yield
        self.data = None

    def test_1(self):
        assert self.data["a"] == 1

    def test_2(self):
        assert self.data["a"] == 1

    def test_3(self):
        assert self.data["a"] == 1


class Mutates(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _mutates_setup(self):
        time.sleep(0.02)
        self.items = []

    def test_1(self):
        self.items.append(1)
        assert self.items == [1]

    def test_2(self):
        self.items.append(2)
        assert self.items == [2]


class Rebinds(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _rebinds_setup(self):
        time.sleep(0.02)
        self.value = 1

    def test_1(self):
        self.value = 2
        assert self.value == 2

    def test_2(self):
        assert self.value == 1


class Hidden(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _hidden_setup(self):
        time.sleep(0.02)
        self.holder = Holder()

    def test_1(self):
        assert self.holder.bump() == 1

    def test_2(self):
        assert self.holder.bump() == 1
'''


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    (tmp_path / "test_suite.py").write_text(SUITE)
    return tmp_path


def test_profile_counts_setups_by_scope_and_repeats_across_workers(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    tests = "\n".join(f"    def test_{n}(self):\n        assert self.x == 1\n" for n in range(8))
    (tmp_path / "test_wide.py").write_text(
        "import pytest\n\n\nclass TestWide:\n"
        "    @pytest.fixture(autouse=True, scope='class')\n"
        "    def _wide(self, request):\n        request.cls.x = 1\n\n" + tests
    )
    serial = advisor.run_profile(tmp_path, ["."])
    stats = serial.fixtures["test_wide.py::TestWide::_wide"]
    assert (stats.scope, stats.setups, stats.repeated_across_workers) == ("class", 1, 0)
    load = advisor.run_profile(tmp_path, ["."], 2, "load")
    stats = load.fixtures["test_wide.py::TestWide::_wide"]
    assert stats.setups == 2  # both workers ran tests of the class
    assert stats.repeated_across_workers == 1
    assert set(stats.workers) == {"gw0", "gw1"}
    scoped = advisor.run_profile(tmp_path, ["."], 2, "loadscope")
    assert scoped.fixtures["test_wide.py::TestWide::_wide"].repeated_across_workers == 0


@pytest.mark.slow
def test_advise_and_apply_prove_and_revert(suite: Path) -> None:
    advice = advisor.advise(suite)
    verdicts = {p.class_path[0]: p for p in advice.proposals}
    assert verdicts["ReadOnly"].ok
    assert verdicts["Hidden"].ok  # its pickle hides the change: only the proof can tell
    assert not verdicts["Mutates"].ok
    assert verdicts["Mutates"].dynamic == [
        "test_suite.py::Mutates::test_1 changed self.items (and 1 more)"
    ]
    assert not verdicts["Rebinds"].ok
    assert verdicts["Rebinds"].static.reasons == ["test_1 (line 61) assigns self.value"]

    result = advisor.apply(advice, workers=2)
    assert [p.class_path[0] for p in result.applied] == ["ReadOnly"]
    # In collection order test_2 fails, reversed test_1 does: the first in node order names it.
    assert [(p.class_path[0], why) for p, why in result.reverted] == [
        ("Hidden", "test_suite.py::Hidden::test_1: passed -> failed")
    ]
    assert result.written == ["test_suite.py"]
    text = (suite / "test_suite.py").read_text()
    assert (
        '@pytest.fixture(autouse=True, scope="class")\n    def _read_only_setup(self, request):'
        in text
    )
    assert "def _hidden_setup(self):" in text  # reverted: unchanged
    assert set(result.seconds) == {
        "before_serial",
        "after_serial",
        "before_parallel",
        "after_parallel",
    }


def test_cli_advise_json_without_apply_writes_nothing(suite: Path) -> None:
    result = CliRunner().invoke(main, ["advise", str(suite), "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["kind"] == "advice"
    proposed = sorted(p["class"] for p in payload["proposals"] if p["proposed"])
    assert proposed == ["Hidden", "ReadOnly"]
    assert (suite / "test_suite.py").read_text() == SUITE


def test_an_inherited_fixture_is_not_proposed() -> None:
    source = "import pytest\n\n\nclass Child(Base):\n    def test_a(self):\n        pass\n"
    assert analyse(source, ["Child"], "_base_setup").reasons == [
        "_base_setup is inherited from a base class: widening it would change every"
        " subclass's tests at once (not proposed)"
    ]
