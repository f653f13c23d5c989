"""The model of hierarchies and imports across files: names, roots, identity, reports.

Each test writes a small project, migrates it in memory and checks what was converted and
refused (exact codes), and where a rewrite happens, what it says.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migrator.engine import Options, migrate_paths
from migrator.results import Report, Status
from transforms.index import ModuleInfo, index_module


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def migrate(*paths: Path) -> Report:
    return migrate_paths(list(paths), Options(jobs=1))


def by_name(report: Report) -> dict[str, str]:
    return {Path(f.path).name: f.output or "" for f in report.files if f.output}


def codes(report: Report) -> list[str]:
    return sorted(r.code.value for r in report.refusals)


SELF_CONTAINED = """\
import unittest


class {name}(unittest.TestCase):
    def setUp(self):
        self.value = {value!r}

    def test_value(self):
        self.assertEqual(self.value, {value!r})
"""


def test_files_with_the_same_module_name_never_share_index_entries(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a/test_same.py": SELF_CONTAINED.format(name="First", value="a"),
            "b/test_same.py": SELF_CONTAINED.format(name="Second", value="b"),
        },
    )
    report = migrate(tmp_path)
    assert not report.failed
    outputs = {Path(f.path).parent.name: f.output or "" for f in report.files}
    assert "def _first_setup(self):" in outputs["a"]
    assert "def _second_setup(self):" in outputs["b"]
    assert report.converted == 2


def test_an_import_of_a_shared_module_name_is_refused_not_guessed(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        write(
            tmp_path,
            {
                f"{folder}/helpers.py": f"""\
                import unittest
                class Base(unittest.TestCase):
                    def setUp(self):
                        self.where = {folder!r}
                """,
                f"{folder}/test_{folder}.py": """\
                from helpers import Base
                class T(Base):
                    def setUp(self):
                        super().setUp()
                    def test_x(self):
                        pass
                """,
            },
        )
    report = migrate(tmp_path)
    assert codes(report) == ["MF105", "MF105"]
    assert all("several files of the run are module helpers" in r.message for r in report.refusals)
    assert not report.changed


def test_a_function_named_setup_in_another_module_is_not_a_reference(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "testing.py": "def setUp(test=None):\n    pass\n",
            "test_calls.py": """\
            import unittest
            import testing


            class UsesHelper(unittest.TestCase):
                def setUp(self):
                    testing.setUp()
                    self.ready = True

                def test_ready(self):
                    testing.setUp(self)
                    self.assertTrue(self.ready)
            """,
        },
    )
    report = migrate(tmp_path)
    assert codes(report) == []
    assert report.converted == 1


def test_a_spread_refusal_names_its_root_with_file_and_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "base.py": """\
            import unittest


            class Base(unittest.TestCase):
                def setUp(self):
                    register = self.addCleanup
                    register(print)
            """,
            "test_child.py": """\
            from base import Base


            class Child(Base):
                def setUp(self):
                    super().setUp()

                def test_x(self):
                    pass
            """,
        },
    )
    report = migrate(tmp_path)
    spread = [r for r in report.refusals if r.code.value == "MF114"]
    assert len(spread) == 1
    assert spread[0].path.endswith("test_child.py")
    assert spread[0].line == 4
    assert f"root: Base at {tmp_path / 'base.py'}:6 (MF111" in spread[0].message


def test_a_run_inside_an_installation_reads_unittest_as_unittest(tmp_path: Path) -> None:
    """The interpreter's own ``test`` package sits next to the whole library: the library's
    ``unittest`` (here a stand-in whose TestCase defines setUp) is not the project's, while
    the run's own package (``test.support``) is."""
    lib = tmp_path / "lib" / "python3.99"
    write(
        lib,
        {
            "unittest/__init__.py": "from unittest.case import TestCase, TextTestResult\n",
            "unittest/case.py": """\
            class TestCase:
                def setUp(self):
                    pass


            class TextTestResult:
                pass
            """,
            "test/__init__.py": "",
            "test/support/__init__.py": """\
            import unittest


            class SupportCase(unittest.TestCase):
                def setUp(self):
                    self.support = True
            """,
            "test/test_plain.py": """\
            import unittest

            from test.support import SupportCase


            class Result(unittest.TextTestResult):  # makes the model look for unittest
                pass


            class Plain(unittest.TestCase):
                def setUp(self):
                    self.ready = True

                def test_ready(self):
                    self.assertTrue(self.ready)


            class OnSupport(SupportCase):
                def setUp(self):
                    super().setUp()
                    self.more = True

                def test_more(self):
                    self.assertTrue(self.support and self.more)
            """,
        },
    )
    report = migrate(lib / "test" / "test_plain.py")
    assert codes(report) == ["MF105"]
    assert "base SupportCase defines setUp or tearDown in" in report.refusals[0].message
    assert report.converted == 1
    assert "def _plain_setup(self):" in by_name(report)["test_plain.py"]


RETRY = """\
import functools


def retry(fun):
    @functools.wraps(fun)
    def wrapper(self):
        try:
            return fun(self)
        except AssertionError:
            self.tearDown()
            self.setUp()
            return fun(self)

    return wrapper
"""

RETRY_TESTS = """\
import unittest

from retry import retry


class Flaky(unittest.TestCase):
    def setUp(self):
        self.ready = True

    @retry
    def test_ready(self):
        self.assertTrue(self.ready)


class Steady(unittest.TestCase):
    def setUp(self):
        self.value = 1

    def test_value(self):
        self.assertEqual(self.value, 1)
"""


@pytest.mark.parametrize(
    ("other_use", "refused"),
    [
        ("", ["Flaky"]),
        # Read other than as a method decorator: the wrapper may get any object.
        ("\n\nagain = retry(lambda case: None)\n", ["Flaky", "Steady"]),
        ("\n\nimport retry as helpers\nhelpers.retry\n", ["Flaky", "Steady"]),
        # A decorator of a nested class's method: a class the plan cannot list.
        (
            "\n\nclass Outer:\n    class Inner(unittest.TestCase):\n        @retry\n"
            "        def test_x(self):\n            pass\n",
            ["Flaky", "Steady"],
        ),
    ],
)
def test_a_wrapper_reference_reaches_only_the_classes_the_decorator_decorates(
    tmp_path: Path, other_use: str, refused: list[str]
) -> None:
    write(tmp_path, {"retry.py": RETRY, "test_retry.py": RETRY_TESTS + other_use})
    report = migrate(tmp_path)
    assert sorted(r.cls or "" for r in report.refusals) == refused
    assert {r.code.value for r in report.refusals} == {"MF110"}
    flaky = next(r for r in report.refusals if r.cls == "Flaky")
    words = "on the test of a method decorated with retry()"
    assert (words in flaky.message) == (other_use == "")


def test_a_wrapper_that_escapes_its_decorator_may_get_any_object(tmp_path: Path) -> None:
    """A wrapper also stored elsewhere (``CALLED.append(wrapper)``) can be called with any
    object: the reference refuses every class the module can reach, as without the rule."""
    leaked = RETRY.replace("    return wrapper", "    CALLED.append(wrapper)\n    return wrapper")
    write(tmp_path, {"retry.py": "CALLED = []\n" + leaked, "test_retry.py": RETRY_TESTS})
    report = migrate(tmp_path)
    assert sorted(r.cls or "" for r in report.refusals) == ["Flaky", "Steady"]
    assert all("decorated with" not in r.message for r in report.refusals)


LAYOUTS = {
    "flat": ("", {"pyproject.toml": "[project]\nname = 'demo'\n"}),
    "package-dir": (
        "Lib/",
        {"pyproject.toml": "[tool.setuptools]\npackage-dir = {'' = 'Lib'}\n"},
    ),
    "find-where": (
        "code/",
        {"pyproject.toml": "[tool.setuptools.packages.find]\nwhere = ['code']\n"},
    ),
    "setup.cfg": ("lib/", {"setup.cfg": "[options]\npackage_dir =\n    = lib\n"}),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_base_in_the_project_outside_the_run_is_read_not_rewritten(
    tmp_path: Path, layout: str
) -> None:
    """Also where the packaging declares the package folder (python-ldap's ``Lib/``)."""
    folder, config = LAYOUTS[layout]
    write(
        tmp_path,
        {
            **config,
            f"{folder}demo/__init__.py": "",
            f"{folder}demo/testing.py": """\
            import unittest


            class Transparent(unittest.TestCase):
                def helper(self):
                    return 1


            class WithSetUp(unittest.TestCase):
                def setUp(self):
                    self.ready = True
            """,
            "tests/test_uses.py": """\
            from demo.testing import Transparent, WithSetUp


            class OnTransparent(Transparent):
                def setUp(self):
                    self.value = self.helper()

                def test_value(self):
                    self.assertEqual(self.value, 1)


            class OnWithSetUp(WithSetUp):
                def setUp(self):
                    super().setUp()

                def test_ready(self):
                    self.assertTrue(self.ready)
            """,
        },
    )
    report = migrate(tmp_path / "tests")
    assert [Path(f.path).name for f in report.files] == ["test_uses.py"]
    assert codes(report) == ["MF105"]
    message = report.refusals[0].message
    assert "base WithSetUp defines setUp or tearDown in" in message
    assert f"{folder}demo/testing.py, which is outside the run" in message
    output = by_name(report)["test_uses.py"]
    assert "def _on_transparent_setup(self):" in output
    assert "class OnWithSetUp(WithSetUp):\n    def setUp(self):" in output


def test_a_namespace_package_module_is_known_under_its_import_name(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "setup.py": "",
            "src/ns/pkg/__init__.py": "",
            "src/ns/pkg/tests/__init__.py": "",
            "src/ns/pkg/tests/base.py": """\
            import unittest


            class Base(unittest.TestCase):
                def setUp(self):
                    self.base = True
            """,
            "src/ns/pkg/tests/test_child.py": """\
            from ns.pkg.tests.base import Base


            class Child(Base):
                def setUp(self):
                    super().setUp()
                    self.child = True

                def test_both(self):
                    self.assertTrue(self.base and self.child)
            """,
        },
    )
    report = migrate(tmp_path / "src" / "ns" / "pkg" / "tests")
    assert codes(report) == []
    outputs = by_name(report)
    assert "def _child_setup(self, _base_setup):" in outputs["test_child.py"]
    assert "def _base_setup(self):" in outputs["base.py"]


def test_own_classes_of_a_third_party_named_package_are_known(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "zope/__init__.py": "",
            "zope/testing_base.py": """\
            import unittest


            class Base(unittest.TestCase):
                def setUp(self):
                    self.base = True
            """,
            "zope/test_own.py": """\
            from zope.testing_base import Base


            class Own(Base):
                def setUp(self):
                    super().setUp()

                def test_base(self):
                    self.assertTrue(self.base)
            """,
        },
    )
    report = migrate(tmp_path)
    assert codes(report) == []
    assert report.converted == 2


def test_unparsable_base_file_keeps_its_subclasses(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "test_ok.py": SELF_CONTAINED.format(name="Fine", value=1),
            "test_broken.py": "class (:\n",
        },
    )
    report = migrate(tmp_path)
    statuses = {Path(f.path).name: f.status for f in report.files}
    assert statuses == {"test_broken.py": Status.UNPARSABLE, "test_ok.py": Status.CHANGED}


CONSTANT_LOCK = """\
import os
import tempfile
import unittest

LOCK = os.path.join(tempfile.gettempdir(), "shared_state.lock")


class Locks(unittest.TestCase):
    def setUp(self):
        self.lock = LOCK

    def test_lock(self):
        self.assertTrue(self.lock.endswith("shared_state.lock"))
"""


def test_a_constant_path_moves_only_when_nothing_else_names_it(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "", "tests/test_lock.py": CONSTANT_LOCK})
    moved = migrate(tmp_path / "tests")
    assert 'tmp_path_factory.getbasetemp() / "shared_state.lock"' in by_name(moved)["test_lock.py"]
    assert [h.code.value for h in moved.hazards] == []
    # The application (outside the run) builds the same path: the setup keeps it, reported.
    write(tmp_path, {"app/state.py": 'NAME = "shared_state.lock"\n'})
    kept = migrate(tmp_path / "tests")
    assert "self.lock = LOCK" in by_name(kept)["test_lock.py"]
    assert [h.code.value for h in kept.hazards] == ["MF201"]


def test_a_constant_read_by_a_test_too_stays(tmp_path: Path) -> None:
    source = CONSTANT_LOCK + "\n    def test_constant(self):\n        self.assertTrue(LOCK)\n"
    write(tmp_path, {"pyproject.toml": "", "tests/test_lock.py": source})
    report = migrate(tmp_path / "tests")
    assert "self.lock = LOCK" in by_name(report)["test_lock.py"]
    assert [h.code.value for h in report.hazards] == ["MF201"]


def test_pytest_marks_on_a_class_do_not_wrap_its_lifecycle(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "test_marked.py": """\
            import sys
            import unittest

            import pytest


            @pytest.mark.skipif(sys.platform == "nowhere", reason="never")
            class Marked(unittest.TestCase):
                def setUp(self):
                    self.ready = True

                def test_ready(self):
                    self.assertTrue(self.ready)


            def wraps(cls):
                print(cls)
                return cls


            @wraps
            class Wrapped(unittest.TestCase):
                def setUp(self):
                    self.ready = True

                def test_ready(self):
                    self.assertTrue(self.ready)
            """
        },
    )
    report = migrate(tmp_path)
    assert codes(report) == ["MF121"]
    assert report.refusals[0].cls == "Wrapped"
    assert "def _marked_setup(self):" in by_name(report)["test_marked.py"]


def test_a_package_submodule_function_named_setup_is_not_a_reference(tmp_path: Path) -> None:
    """``from pyramid import testing`` + ``testing.setUp()`` in a run on ``tests/``: the
    package's ``__init__`` is indexed (a base lives there), its ``testing`` submodule is not;
    the call is a module function's, not the class's setUp (was MF110)."""
    from migrator.engine import migrate_paths

    (tmp_path / "pyproject.toml").write_text("")
    package = tmp_path / "pkgx"
    package.mkdir()
    (package / "__init__.py").write_text(
        "import unittest\n\n\nclass BaseCase(unittest.TestCase):\n    pass\n"
    )
    (package / "testing.py").write_text("def setUp():\n    return 1\n")
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_x.py").write_text(
        "from pkgx import BaseCase, testing\n\n\n"
        "class T(BaseCase):\n"
        "    def setUp(self):\n        self.config = testing.setUp()\n\n"
        "    def test_a(self):\n        self.assertEqual(self.config, 1)\n"
    )
    report = migrate_paths([tests])
    assert [r.code.value for r in report.refusals] == []
    assert report.converted == 1


def test_a_locally_imported_module_function_named_setup_is_not_a_reference(
    tmp_path: Path,
) -> None:
    """``from zope.testing import cleanup`` inside setUp, then ``cleanup.setUp()``, in a
    project whose ``zope/__init__.py`` is indexed but holds no ``testing`` (a sibling
    distribution's package): the call is a module function's (was MF110). A local name
    that the method also assigns stays a possible reference."""
    from migrator.engine import migrate_paths

    (tmp_path / "pyproject.toml").write_text("")
    namespace = tmp_path / "zope"
    (namespace / "annot" / "tests").mkdir(parents=True)
    (namespace / "__init__.py").write_text(
        "import unittest\n\n\nclass Marker(unittest.TestCase):\n    pass\n"
    )
    (namespace / "annot" / "__init__.py").write_text("")
    (namespace / "annot" / "tests" / "__init__.py").write_text("")
    method = (
        "    def setUp(self):\n        from zope.testing import cleanup\n{extra}"
        "        cleanup.setUp()\n        self.x = 1\n\n"
        "    def test_a(self):\n        self.assertEqual(self.x, 1)\n"
    )
    source = "from zope import Marker\n\n\nclass T(Marker):\n" + method.format(extra="")
    rebound = "class U(Marker):\n" + method.format(extra="        cleanup = self\n")
    (namespace / "annot" / "tests" / "test_x.py").write_text(source)
    # In its own module: ``cleanup.setUp()`` on an object the tool cannot name would also
    # refuse the classes of its module (and of the modules it imports).
    (namespace / "annot" / "tests" / "test_y.py").write_text(
        "from zope import Marker\n\n\n" + rebound
    )
    report = migrate_paths([namespace / "annot"])
    assert [(r.code.value, r.cls) for r in report.refusals] == [("MF110", "U")]
    assert report.converted == 1


def _index(source: str) -> ModuleInfo:
    return index_module(textwrap.dedent(source), "m", "m.py")


def test_only_a_plain_subclassing_function_is_a_subclassing_decorator() -> None:
    info = _index(
        """
        import functools

        def plain(cls):
            "Doc."
            class Wrapper(cls):
                flag = True
                @classmethod
                def setUpClass(cls):
                    super().setUpClass()
            return Wrapper

        def two_args(cls, other):
            class Wrapper(cls):
                pass
            return Wrapper

        def runs_code(cls):
            class Wrapper(cls):
                print("building")
            return Wrapper

        def more_statements(cls):
            cls.marked = True
            class Wrapper(cls):
                pass
            return Wrapper

        def other_base(cls):
            class Wrapper(object):
                pass
            return Wrapper

        def rebound(cls):
            class Wrapper(cls):
                pass
            return Wrapper

        rebound = functools.lru_cache(rebound)

        def identity(cls):
            "Doc."
            return cls

        def tags(cls):
            cls.slow = True
            cls.__test__ = False
            return cls

        def tags_and_runs(cls):
            cls.slow = True
            print(cls)
            return cls

        def tags_another(cls):
            other.slow = True
            return cls

        def returns_another(cls):
            return other
        """
    )
    assert dict(info.class_decorators) == {
        "plain": frozenset({"flag", "setUpClass"}),
        "identity": frozenset(),
        "tags": frozenset({"slow", "__test__"}),
    }


def test_a_function_applying_only_mock_patchers_to_its_argument_returns_it() -> None:
    info = _index(
        """
        import sys
        from unittest import mock
        from unittest.mock import patch

        SAVED = {}

        def patched(cls):
            "Doc."
            def fake():
                return 1
            SAVED["open"] = open
            cls = patch("os.getcwd", fake)(cls)
            if sys.platform == "win32":
                return cls
            else:
                cls.tagged = True
            return mock.patch.object(sys, "argv", [])(cls)

        def local_patch(cls):
            patch = lambda *a: (lambda c: c)
            return patch("x")(cls)

        def test_reads_class(cls):
            if cls.flag:
                cls = patch("x")(cls)
            return cls

        def hands_class_on(cls):
            cls = patch("x")(cls)
            register(cls)
            return cls

        def changes_a_parent(cls):
            Base.setUp = lambda self: None
            return cls

        def store_reads_class(cls):
            SAVED["c"] = cls
            return cls

        def patches_twice_over(cls):
            cls = patch("x")(patch("y")(cls))
            return cls

        def decorated_helper(cls):
            @register
            def helper():
                pass
            return cls

        def bare_return(cls):
            if sys.platform == "win32":
                return
            return cls

        def not_a_patcher(cls):
            return functools.wraps(cls)(cls)

        def closes_over_class(cls):
            def later():
                cls.setUp = None
            SAVED["later"] = later
            return patch("x")(cls)

        def hands_class_on_later(cls):
            def later():
                register(cls)
            SAVED["later"] = later
            return patch("x")(cls)

        def reads_class_later(cls):
            def fake_open(*args):
                return cls.saved_open(*args)
            return patch("builtins.open", fake_open)(cls)
        """
    )
    assert dict(info.class_decorators) == {
        "patched": frozenset({"tagged"}),
        "reads_class_later": frozenset(),
    }


def test_only_a_global_bound_once_to_a_unittest_skip_is_a_skip_alias() -> None:
    info = _index(
        """
        import os
        import unittest
        from unittest import skipUnless as su

        skip_posix = unittest.skipIf(os.name == "posix", "not on posix")
        only_nt = su(os.name == "nt", "nt only")
        twice = unittest.skip("a")
        twice = unittest.skip("b")
        other = functools.partial(unittest.skipIf, True)
        if os.name == "nt":
            in_block = unittest.skip("in a block")
        rebound_later = unittest.skip("c")

        def rebinds():
            global rebound_later
            rebound_later = None

        def local_only():
            skip_posix = None
            return skip_posix
        """
    )
    assert info.skip_aliases == frozenset({"skip_posix", "only_nt"})


ASSIGNED_HOLDER = """\
import unittest

import helpers as hp

shortcut = hp.Holder


class T(shortcut.{base}, unittest.TestCase):
    def setUp(self):
        self.x = 1

    def test_x(self):
        self.assertEqual(self.x, 1)
"""

HOLDER = """\
class Holder:
    class Mixin:
        pass

    class WithSetUp:
        def setUp(self):
            super().setUp()
"""


def test_a_base_through_an_assigned_global_is_followed(tmp_path: Path) -> None:
    """A plain class defined in a class body (reached through a global assigned that
    class) is transparent; one with a setUp is unknown, and the message says why."""
    for base in ("Mixin", "WithSetUp"):
        write(
            tmp_path / base,
            {"test_assigned.py": ASSIGNED_HOLDER.format(base=base), "helpers.py": HOLDER},
        )
    report = migrate(tmp_path / "Mixin")
    assert report.refusals == ()
    assert report.converted == 1
    report = migrate(tmp_path / "WithSetUp")
    [refusal] = report.refusals
    assert refusal.code.value == "MF105"
    assert refusal.message == (
        "base helpers.Holder.WithSetUp: an attribute of class Holder in "
        f"{tmp_path / 'WithSetUp' / 'helpers.py'}; the model stands only for a class defined"
        " there without bases, lifecycle methods or wrappers"
    )


def test_a_global_assigned_twice_is_not_an_alias(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "test_assigned.py": """\
            import unittest

            import helpers as hp

            shortcut = hp
            if not hasattr(hp, "Mixin"):
                shortcut = unittest


            class T(shortcut.Mixin, unittest.TestCase):
                def setUp(self):
                    self.x = 1

                def test_x(self):
                    self.assertEqual(self.x, 1)
            """,
            "helpers.py": """\
            class Mixin:
                pass
            """,
        },
    )
    report = migrate(tmp_path)
    [refusal] = report.refusals
    assert refusal.code.value == "MF105"
    assert "shortcut is bound by an assignment in" in refusal.message


def test_a_global_assigned_once_from_an_import_is_an_alias(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "test_assigned.py": """\
            import unittest

            import helpers

            TestCase = unittest.TestCase
            Base = helpers.Base


            class T(Base):
                def setUp(self):
                    super().setUp()
                    self.x = 1

                def test_x(self):
                    self.assertEqual((self.base, self.x), (1, 1))


            class U(TestCase):
                def setUp(self):
                    self.y = 2

                def test_y(self):
                    self.assertEqual(self.y, 2)
            """,
            "helpers.py": """\
            import unittest


            class Base(unittest.TestCase):
                def setUp(self):
                    self.base = 1
            """,
        },
    )
    report = migrate(tmp_path)
    assert report.refusals == ()
    assert report.converted == 3


def test_user_chains_and_the_users_the_rewrite_cannot_reach() -> None:
    from transforms.hierarchy import Hierarchy, nested_key

    info = _index(
        """
        import unittest

        class Base(unittest.TestCase):
            def setUp(self): pass

        class Other:
            def setUp(self): super().setUp()

        class Mixin:
            def setUp(self): super().setUp()

        class T1(Mixin, Base): pass
        class T2(Mixin, Other, Base): pass
        class T3(Mixin, unittest.TestCase): pass
        class T4(T2): pass

        class TestPlain(Mixin):
            def test_plain(self): pass

        class TestWithInit(Mixin):
            def __init__(self): pass
            def test_x(self): pass

        def make():
            class Nested(Mixin, unittest.TestCase): pass
            return Nested
        """
    )
    model = Hierarchy([info])
    chains = model.user_chains("m.Mixin", "function")
    nested = next(c for c in info.classes if c.name == "Nested")
    assert chains == {
        ("m.Base",): ["m.T1"],
        ("m.Other", "m.Base"): ["m.T2", "m.T4"],
        (): ["m.T3", nested_key(nested)],
    }
    # pytest collects TestPlain itself (a Test* class with tests, no __init__, no TestCase)
    assert model.plain_test_classes("m.Mixin") == ["m.TestPlain"]
    assert model.plain_test_classes("m.Base") == []


def test_relays_resolve_through_the_mro_and_are_placed_once(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "test_relays.py": """
            import unittest

            class Base(unittest.TestCase):
                def setUp(self):
                    self.steps = ["base"]

            class Mixin:
                def setUp(self):
                    super().setUp()
                    self.steps = [*getattr(self, "steps", []), "mixin"]

            class T1(Mixin, Base):
                def test_a(self):
                    self.assertEqual(self.steps, ["base", "mixin"])

            class T2(T1):
                def test_b(self):
                    self.assertEqual(self.steps, ["base", "mixin"])

            class T3(Mixin, unittest.TestCase):
                def test_c(self):
                    self.assertEqual(self.steps, ["mixin"])
            """
        },
    )
    report = migrate(tmp_path)
    assert codes(report) == []
    text = by_name(report)["test_relays.py"]
    # T2 inherits T1's relay; T1 and T3 each define one for their own successor.
    assert text.count("def _mixin_next(") == 2
    assert "def _mixin_setup(self, _mixin_next):" in text
    assert "def _mixin_next(self, _base_setup):" in text
    assert "def _mixin_next(self):" in text


def test_plain_classes_follow_the_projects_python_classes(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.pytest.ini_options]\npython_classes = ["*Checks"]\n',
            "test_checks.py": """
            import unittest

            class ShellChecks:
                def setUp(self):
                    self.shell = "bash"

                def test_shell(self):
                    pass

            class TestNotCollectedHere:
                def setUp(self):
                    self.other = True

                def test_other(self):
                    pass

            class BashCase(ShellChecks, TestNotCollectedHere, unittest.TestCase):
                pass
            """,
        },
    )
    report = migrate(tmp_path)
    text = by_name(report)["test_checks.py"]
    # ShellChecks matches ``*Checks``: its fixture does nothing for its own plain tests.
    assert "# pytest also collects ShellChecks as a plain class" in text
    # Under this configuration pytest does not collect TestNotCollectedHere: no guard.
    assert "collects TestNotCollectedHere" not in text
    assert report.converted == 2


def test_only_functions_returning_a_skip_decorator_are_skip_factories() -> None:
    info = _index(
        """
        import functools
        import unittest
        from unittest import skipIf

        def requires(reason=None):
            if callable(reason):
                raise TypeError("parentheses")
            def decorator(func):
                return unittest.skipIf(True, reason)(func)
            return decorator

        def direct(reason):
            return skipIf(True, reason)

        def wraps_too(reason):
            def decorator(func):
                @functools.wraps(func)
                def inner(*a):
                    return func(*a)
                return unittest.skip(reason)(inner)
            return decorator

        def sometimes(reason):
            if reason:
                return unittest.skip(reason)
            return functools.wraps

        def rebound(reason):
            return unittest.skip(reason)

        rebound = None
        """
    )
    assert info.skip_factories == frozenset({"requires", "direct"})


def test_classes_run_by_unittest_are_those_a_runner_runs() -> None:
    info = _index(
        """
        import unittest
        from test import support

        class A(unittest.TestCase): pass
        class B(unittest.TestCase): pass
        class C(unittest.TestCase): pass
        class D(unittest.TestCase): pass
        class E(unittest.TestCase): pass

        def test_suite():
            # Built and returned, never run by pytest.
            return unittest.TestSuite([unittest.defaultTestLoader.loadTestsFromTestCase(A)])

        def test_main():
            tests = (B, C)
            support.run_unittest(*tests)

        def test_runs_a_suite():
            suite = unittest.makeSuite(D)
            unittest.TextTestRunner().run(suite)

        def load_tests(loader, standard, pattern):
            support.run_unittest(E)

        if __name__ == "__main__":
            support.run_unittest(E)
        """
    )
    assert sorted((name, callee) for name, _line, callee in info.unittest_runs) == [
        ("m.B", "run_unittest"),
        ("m.C", "run_unittest"),
        ("m.D", "makeSuite"),
    ]


def test_the_mro_of_a_base_less_mixin_ends_with_object_after_testcase() -> None:
    """``object`` is the last entry of every MRO: a mixin without bases must not put it
    before ``unittest.TestCase`` (it did when external bases were single entries)."""
    from transforms.hierarchy import Hierarchy

    info = _index(
        """
        import typing
        import unittest

        class Mixin:
            def tearDown(self): pass

        class Generic(typing.Generic[typing.TypeVar("T")]):
            pass

        class Base(unittest.TestCase):
            def setUp(self): pass

        class T(Mixin, Generic, Base):
            def test_x(self): pass
        """
    )
    model = Hierarchy([info])
    assert model.mro("m.T") == (
        "m.T",
        "m.Mixin",
        "m.Generic",
        "typing.Generic",
        "m.Base",
        "unittest.TestCase",
        "builtins.object",
    )
    assert model.reach("m.T") == ("m.T", "m.Mixin", "m.Generic", "typing.Generic", "m.Base")


def test_a_decorator_that_reruns_setup_refuses_the_classes_that_import_it(
    tmp_path: Path,
) -> None:
    """``retry`` (in helpers.py) calls ``self.tearDown()``/``self.setUp()`` on the test it
    wraps: every class whose lifecycle a class of a module importing it inherits keeps its
    lifecycle (MF110), even when that module never writes the word setUp; a module that
    does not import it converts. ``Patcher.INSTANCE.setUp`` on a module global is an object
    the helpers module made: no importer is concerned."""
    write(
        tmp_path,
        {
            "helpers.py": """
                import functools

                class Patcher:
                    INSTANCE = None

                def retry(func):
                    @functools.wraps(func)
                    def wrapper(self):
                        try:
                            return func(self)
                        except AssertionError:
                            self.tearDown()
                            self.setUp()
                            return func(self)
                    return wrapper

                def load(module):
                    return Patcher.INSTANCE.setUp
                """,
            "base_case.py": """
                import unittest

                class Base(unittest.TestCase):
                    def setUp(self):
                        self.tries = 0
                """,
            "test_flaky.py": """
                from base_case import Base
                from helpers import retry

                class FlakyTests(Base):
                    @retry
                    def test_once(self):
                        self.tries += 1
                """,
            "test_calm.py": """
                import unittest

                from helpers import load

                class CalmTests(unittest.TestCase):
                    def setUp(self):
                        self.calm = True

                    def test_calm(self):
                        self.assertTrue(self.calm)
                """,
        },
    )
    report = migrate(tmp_path)
    assert [(r.code.value, r.cls) for r in report.refusals] == [("MF110", "Base")]
    assert "helpers.py:13" in report.refusals[0].message
    assert set(by_name(report)) == {"test_calm.py"}


def test_attribute_only_decorators_and_plain_metaclasses_leave_the_lifecycle(
    tmp_path: Path,
) -> None:
    """zope.interface's ``@implementer`` and ``abc.ABCMeta`` build the class as written; a
    decorator setting a dunder, or a metaclass of the suite, may change what runs."""
    write(
        tmp_path,
        {
            "test_declared.py": """\
            import abc
            import unittest

            from zope.interface import Interface, implementer


            class IThing(Interface):
                pass


            @implementer(IThing)
            class Declared(unittest.TestCase):
                def setUp(self):
                    self.ready = True

                def test_ready(self):
                    self.assertTrue(self.ready)


            class Abstract(unittest.TestCase, metaclass=abc.ABCMeta):
                def setUp(self):
                    self.ready = True

                def test_ready(self):
                    self.assertTrue(self.ready)


            def hidden(cls):
                cls.__test__ = True
                return cls


            @hidden
            class Dunder(unittest.TestCase):
                def setUp(self):
                    self.ready = True

                def test_ready(self):
                    self.assertTrue(self.ready)


            class Built(unittest.TestCase, metaclass=type("Meta", (type,), {})):
                def setUp(self):
                    self.ready = True

                def test_ready(self):
                    self.assertTrue(self.ready)
            """
        },
    )
    report = migrate(tmp_path)
    assert sorted((r.cls, r.code.value) for r in report.refusals) == [
        ("Built", "MF121"),
        ("Dunder", "MF121"),
    ]
    output = by_name(report)["test_declared.py"]
    assert "def _declared_setup(self):" in output
    assert "def _abstract_setup(self):" in output


def test_a_mixin_with_a_subclass_of_unreadable_base_is_refused(tmp_path: Path) -> None:
    """``Dynamic`` may be a TestCase (its base is made by a call): unittest would run the
    mixin's setUp for it, so the mixin cannot become a fixture its tests might not get."""
    write(
        tmp_path,
        {
            "test_dynamic.py": """\
            import unittest


            def make_base():
                return unittest.TestCase


            class Mixin:
                def setUp(self):
                    super().setUp()
                    self.mixed = True


            class Plain(Mixin, unittest.TestCase):
                def test_mixed(self):
                    self.assertTrue(self.mixed)


            class Dynamic(Mixin, make_base()):
                def test_mixed(self):
                    self.assertTrue(self.mixed)
            """
        },
    )
    report = migrate(tmp_path)
    assert [(r.cls, r.code.value) for r in report.refusals] == [("Mixin", "MF105")]
    assert "Dynamic also inherits from" in report.refusals[0].message
    assert not by_name(report)


def test_an_unread_base_says_whether_the_project_has_its_package(tmp_path: Path) -> None:
    """A base whose module was not read: "include its file" only when the project has that
    package; a package the project does not have (installed code) is never read."""
    write(
        tmp_path,
        {
            "tests/__init__.py": "",
            "tests/test_bases.py": """\
                from tests.missing import OwnBase
                from sometool.testing import ToolBase
                class Own(OwnBase):
                    def setUp(self):
                        self.x = 1
                    def test_x(self):
                        pass
                class Tool(ToolBase):
                    def setUp(self):
                        self.x = 1
                    def test_x(self):
                        pass
                """,
        },
    )
    report = migrate(tmp_path / "tests")
    messages = {r.cls: r.message for r in report.refusals}
    assert codes(report) == ["MF105", "MF105"]
    assert messages["Own"] == (
        "base tests.missing.OwnBase is not in the run; include the file of module"
        " tests.missing in the run"
    )
    assert messages["Tool"] == (
        "base sometool.testing.ToolBase is not in the run; no file of the project is module"
        " sometool.testing (installed packages are not read: their setUp and tearDown are"
        " unknown)"
    )


def test_a_startswith_guard_bounds_a_computed_delattr_name(tmp_path: Path) -> None:
    """``if name.startswith("test"): delattr(C, name)`` cannot delete C's setUp; the same
    guard with the name bound again inside the ``if`` can."""
    template = """\
        import unittest
        class {cls}(unittest.TestCase):
            def setUp(self):
                self.x = 1
            def test_x(self):
                pass
        for name in dir({cls}):
            if name.startswith("test_gone") and callable(getattr({cls}, name)):
                {rebind}delattr({cls}, name)
        """
    write(
        tmp_path,
        {
            "test_guarded.py": template.format(cls="Guarded", rebind=""),
            "test_rebound.py": template.format(
                cls="Rebound", rebind='name = "set" + "Up"\n                '
            ),
        },
    )
    report = migrate(tmp_path)
    assert [(r.cls, r.code.value) for r in report.refusals] == [("Rebound", "MF110")]
    assert "test_guarded.py" in by_name(report)


def test_a_flat_import_is_the_importers_sibling_only_in_its_own_package(tmp_path: Path) -> None:
    """``from tests import helpers`` / ``except ImportError: import helpers`` names one file
    when the importer is in package ``tests``; from a subpackage the flat name is another
    module (``tests/sub`` on sys.path finds ``tests/sub/helpers.py``), so it stays two."""
    helpers = """\
        import unittest
        class Base(unittest.TestCase):
            def setUp(self):
                self.x = 1
        """
    user = """\
        try:
            from tests.helpers import Base
        except ImportError:
            from helpers import Base
        class Child(Base):
            def setUp(self):
                super().setUp()
                self.y = 2
            def test_x(self):
                pass
        """
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "tests/__init__.py": "",
            "tests/helpers.py": helpers,
            "tests/test_same.py": user,
            "tests/sub/__init__.py": "",
            "tests/sub/test_other.py": user,
        },
    )
    report = migrate(tmp_path / "tests")
    assert [(r.code.value, r.cls) for r in report.refusals] == [("MF105", "Child")]
    assert report.refusals[0].path.endswith("test_other.py")
    assert "helpers.Base or tests.helpers.Base" in report.refusals[0].message


def test_only_a_function_returning_its_one_class_is_a_class_factory(tmp_path: Path) -> None:
    """``Made = make()`` is the class ``make`` defines when every return returns that one
    class; a factory that may return another object, takes the class as a parameter, or is
    decorated stays an assigned value the model does not follow (MF105), and so does the
    class it may be a subclass of."""
    factories = {
        "Made": "def make():\n    class Case(BaseMade):\n        pass\n    return Case\n",
        "Either": (
            "def either(flag):\n    class A(BaseEither):\n        pass\n"
            "    class B(BaseEither):\n        pass\n    if flag:\n        return A\n    return B\n"
        ),
        "Given": ("def given(Case):\n    class Case(BaseGiven):\n        pass\n    return Case\n"),
        "Wrapped": (
            "@functools.lru_cache()\ndef wrapped():\n    class Case(BaseWrapped):\n"
            "        pass\n    return Case\n"
        ),
    }
    calls = {
        "Made": "make()",
        "Either": "either(True)",
        "Given": "given(None)",
        "Wrapped": "wrapped()",
    }
    body = "import functools\nimport unittest\n\n\n"
    for name, source in factories.items():
        body += f"class Base{name}(unittest.TestCase):\n"
        body += "    def setUp(self):\n        self.x = 1\n\n\n"
        body += f"{source}\n\n{name} = {calls[name]}\n\n\n"
        body += f"class Sub{name}({name}):\n    def setUp(self):\n        super().setUp()\n"
        body += "\n    def test_x(self):\n        pass\n\n\n"
    (tmp_path / "test_factories.py").write_text(body)
    report = migrate(tmp_path)
    refused = {r.cls: r.message for r in report.refusals if r.code.value == "MF105"}
    unfollowed = ["Either", "Given", "Wrapped"]
    assert sorted(refused) == sorted(
        [f"Sub{n}" for n in unfollowed] + [f"Base{n}" for n in unfollowed]
    )
    for name in unfollowed:  # the base a value may be is refused: its fixture would flow there
        assert "bound by an assignment" in refused[f"Sub{name}"]
        assert refused[f"Base{name}"].startswith(f"Sub{name} (")
    assert ("SubMade", "setUp") in {c for f in report.files for c in f.converted}


def test_an_assigned_base_made_by_another_modules_function_refuses_what_it_reaches(
    tmp_path: Path,
) -> None:
    """``Made = helpers.make(True)``: the value may be any class that module can reach, so
    its classes are refused too (their fixtures would reach ``Sub`` unplanned)."""
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "tests/__init__.py": "",
            "tests/test_helpers.py": """\
                import unittest
                class Base(unittest.TestCase):
                    def setUp(self):
                        self.made_by = "Base"
                    def test_base(self):
                        pass
                def make(flag):
                    class A(Base):
                        pass
                    return A if flag else Base
                """,
            "tests/test_sub.py": """\
                from tests import test_helpers as helpers
                Made = helpers.make(True)
                class Sub(Made):
                    def setUp(self):
                        self.made_by = "Sub"
                    def test_x(self):
                        pass
                """,
        },
    )
    report = migrate(tmp_path / "tests")
    messages = {r.cls: r.message for r in report.refusals}
    assert codes(report) == ["MF105", "MF105"]
    assert messages["Base"].startswith("Sub (")
    assert "an assigned value the model does not follow" in messages["Base"]


LOGGING_PROJECT = {
    "pkg/__init__.py": "import logging\n\nlogger = logging.getLogger(__name__)\n",
    "pkg/rootish.py": "import logging\n\nlog = logging.getLogger()\n",
    "pkg/reexport.py": "from pkg import logger\n",
    "tests/test_logs.py": """\
    import logging
    import unittest

    from pkg import logger
    from pkg.reexport import logger as again
    from pkg.rootish import log

    OWN = logging.getLogger("tests")


    class Direct(unittest.TestCase):
        def setUp(self):
            self.handler = logging.NullHandler()
            logging.getLogger("app").addHandler(self.handler)

        def test_x(self):
            pass


    class Made(unittest.TestCase):
        def setUp(self):
            self.log = logging.Logger("made")
            self.log.addHandler(logging.NullHandler())

        def test_x(self):
            pass


    class ModuleGlobal(unittest.TestCase):
        def setUp(self):
            OWN.addHandler(logging.NullHandler())

        def test_x(self):
            pass


    class Imported(unittest.TestCase):
        def setUp(self):
            logger.addHandler(logging.NullHandler())

        def tearDown(self):
            again.handlers.clear()

        def test_x(self):
            pass


    class Root(unittest.TestCase):
        def setUp(self):
            logging.getLogger().addHandler(logging.NullHandler())

        def test_x(self):
            pass


    class RootAttribute(unittest.TestCase):
        def setUp(self):
            logging.root.addHandler(logging.NullHandler())

        def test_x(self):
            pass


    class ImportedRoot(unittest.TestCase):
        def setUp(self):
            log.addHandler(logging.NullHandler())

        def test_x(self):
            pass


    class Shadowed(unittest.TestCase):
        def setUp(self):
            OWN = logging.getLogger()
            OWN.addHandler(logging.NullHandler())

        def test_x(self):
            pass


    class OnAttribute(unittest.TestCase):
        def setUp(self):
            self.logger.addHandler(logging.NullHandler())

        def test_x(self):
            pass
    """,
}


def test_handlers_of_a_named_logger_are_not_per_phase_state(tmp_path: Path) -> None:
    """pytest resets the root logger's handlers between the setup and call phases, not a
    named logger's: a setUp adding a handler to one converts (MF119 only for what may be
    the root logger), also when the logger is a global of a module of the project."""
    write(tmp_path, {"pyproject.toml": "[project]\nname = 'pkg'\n", **LOGGING_PROJECT})
    report = migrate(tmp_path / "tests")
    refused = {r.cls: r.code.value for r in report.refusals}
    assert refused == {
        "Root": "MF119",
        "RootAttribute": "MF119",
        "ImportedRoot": "MF119",
        "Shadowed": "MF119",
        "OnAttribute": "MF119",
    }
    converted = {c for f in report.files for c, _ in f.converted}
    assert converted == {"Direct", "Made", "ModuleGlobal", "Imported"}


RUN_STATE_BASE = """\
import unittest


class Framework(unittest.TestCase):
    def setUp(self):
        self.per_page = 30

    @property
    def failed(self):
        return not self._outcome.success

    def summary(self):
        return "failed" if self.failed else "passed"

    def page_size(self):
        return self.per_page

    def tearDown(self):
        self.last = self.summary()
"""


@pytest.mark.parametrize(
    ("setup", "converted", "refused"),
    [
        # Data only: the setUps convert, both tearDowns stay unittest's (MF121 each).
        ("self.client = self.per_page", 2, ["MF121"]),
        # A method of the reader's file that does not reach the read: still convertible.
        ("self.client = self.page_size()", 2, ["MF121"]),
        # A method reaching the read through another (summary -> failed): stays.
        ("self.client = self.summary()", 0, ["MF121", "MF121"]),
        # A helper of a file without run-state reads: not read, so it may reach it.
        ("self.client = self.helper()", 0, ["MF121", "MF121"]),
    ],
)
def test_teardowns_reading_run_state_stay_while_setups_convert(
    tmp_path: Path, setup: str, converted: int, refused: list[str]
) -> None:
    write(
        tmp_path,
        {
            "tests/framework.py": RUN_STATE_BASE,
            "tests/test_child.py": f"""\
from tests.framework import Framework


class TestChild(Framework):
    def setUp(self):
        super().setUp()
        {setup}

    def helper(self):
        return self.failed

    def test_client(self):
        self.assertTrue(self.client is not None)
""",
            "tests/__init__.py": "",
        },
    )
    report = migrate(tmp_path / "tests")
    assert report.converted == converted
    kinds = sorted({r.code.value for r in report.refusals})
    assert kinds == sorted(set(refused))
    if converted:
        framework = by_name(report)["framework.py"]
        assert "    def tearDown(self):\n        self.last = self.summary()" in framework
        assert "def setUp" not in framework


@pytest.mark.parametrize(
    ("call", "escapes"),
    [
        ("base.TestCase._clear(self, hook)", []),
        ("base.TestCase._clear(self)", []),
        ("base.TestCase._clear(self, self)", [("_clear", "base.TestCase._clear")]),
        ("base.TestCase._reset(self, hook)", [("_clear", "base.TestCase._reset")]),
        ("configure(self, hook)", [("_clear", "configure")]),
    ],
)
def test_a_parent_method_called_with_more_arguments_is_not_an_escape(
    call: str, escapes: list[tuple[str, str]]
) -> None:
    """``base.TestCase._clear(self, hook)`` in ``_clear`` (Zope's ZopeTestCase) calls the
    parent's method of the same name, read with its class like any method of the MRO: not
    code the tool does not read, which might register cleanups on the test (MF112). Handing
    the test on again, or to another method or function, still is."""
    source = f"""\
from tests import base


class TestChild(base.TestCase):
    def _clear(self, hook=0):
        {call}
"""
    info = index_module(source, "tests.test_child", "tests/test_child.py")
    [cls] = info.classes
    assert [(method, callee) for method, _line, callee in cls.self_escapes] == escapes
