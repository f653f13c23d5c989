"""Unit tests of the pieces: names, alias resolution, returns, decoding, refusal placement."""

from __future__ import annotations

import codecs

import libcst as cst
import pytest

from migrator.engine import migrate_source
from migrator.sourcefile import DecodeError, decode
from transforms.codes import Code
from transforms.index import index_module
from transforms.names import fresh, snake
from transforms.returns import lift_returns


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("UserTests", "user_tests"),
        ("HTTPServerTests", "http_server_tests"),
        ("TestAPI", "test_api"),
        ("already_snake", "already_snake"),
        ("Test2Things", "test2_things"),
    ],
)
def test_snake(name: str, expected: str) -> None:
    assert snake(name) == expected


def test_fresh_names_skip_taken_ones() -> None:
    assert fresh("_a_setup", set()) == "_a_setup"
    assert fresh("_a_setup", {"_a_setup", "_a_setup_2"}) == "_a_setup_3"


def test_aliases_and_relative_imports_resolve() -> None:
    source = (
        "import unittest as ut\n"
        "from unittest import TestCase as TC\n"
        "from .base import Base\n"
        "from .. import shared\n"
        "class A(ut.TestCase): pass\n"
        "class B(TC): pass\n"
        "class C(Base): pass\n"
        "class D(shared.Mixin, A): pass\n"
    )
    info = index_module(source, "pkg.tests.test_x", "pkg/tests/test_x.py")
    bases = {c.name: c.bases for c in info.classes}
    assert bases == {
        "A": ("unittest.TestCase",),
        "B": ("unittest.TestCase",),
        "C": ("pkg.tests.base.Base",),
        "D": ("pkg.shared.Mixin", "pkg.tests.test_x.A"),
    }


def _lift(code: str) -> str:
    module = cst.parse_module(code)
    return module.with_changes(body=lift_returns(list(module.body))).code


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "if not x:\n    return\ny()\n", "if x:\n    y()\n", id="negated test is unwrapped"
        ),
        pytest.param(
            "if a or b:\n    return\ny()\n",
            "if not (a or b):\n    y()\n",
            id="boolean test is parenthesised",
        ),
        pytest.param("x()\nreturn\ny()\n", "x()\n", id="code after a top-level return is dead"),
        pytest.param("x(); return\n", "x()\n", id="return after a semicolon"),
        pytest.param(
            "if c:\n    a()\nelse:\n    return\nb()\n",
            "if c:\n    a()\n    b()\n",
            id="return in else moves the rest into the if",
        ),
    ],
)
def test_lift_returns(before: str, after: str) -> None:
    assert _lift(before) == after


def test_decode_rejects_wrong_bytes() -> None:
    with pytest.raises(DecodeError):
        decode(b"# -*- coding: utf-8 -*-\nx = '\xff'\n")
    assert decode(codecs.BOM_UTF8 + b"x = 1\r\n").bom


def test_migrate_source_reports_refusal_with_class_and_line() -> None:
    source = (
        "import unittest\n\n"
        "class T(unittest.TestCase):\n"
        "    def setUp(self):\n"
        "        for x in range(3):\n"
        "            self.addCleanup(print)\n"
        "        self.addCleanup\n"
        "    def test_x(self):\n"
        "        pass\n"
    )
    result = migrate_source(source, "test_t.py")
    assert result.output is None
    assert [(r.code, r.line, r.cls) for r in result.refusals] == [(Code.CLEANUP_USAGE, 7, "T")]


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            "import unittest\n\nclass T(unittest.TestCase):\n    def test_x(self): pass\n",
            id="no lifecycle",
        ),
        pytest.param("class T:\n    def setUp(self): pass\n", id="not a TestCase"),
        pytest.param("def setUp():\n    pass\n", id="a plain function named setUp"),
        pytest.param("x = 'setUp tearDown'\n", id="words only"),
    ],
)
def test_does_not_change(source: str) -> None:
    result = migrate_source(source, "test_t.py")
    assert result.output is None
    assert result.refusals == ()


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        pytest.param(
            "import os, shutil\nshutil.rmtree(x)\n",
            "import os, shutil\nos.remove(x)\n",
            "import os\nos.remove(x)\n",
            id="one alias of several goes",
        ),
        pytest.param(
            "from tempfile import mkdtemp, gettempdir\nmkdtemp(); gettempdir()\n",
            "from tempfile import mkdtemp, gettempdir\ngettempdir()\n",
            "from tempfile import gettempdir\ngettempdir()\n",
            id="a from-import keeps what is still read",
        ),
        pytest.param(
            "import shutil\nshutil.rmtree(x)\n",
            "import shutil\npass\n",
            "pass\n",
            id="the whole statement goes",
        ),
        pytest.param(
            "import shutil\n__all__ = ['shutil']\nshutil.rmtree(x)\n",
            "import shutil\n__all__ = ['shutil']\npass\n",
            "import shutil\n__all__ = ['shutil']\npass\n",
            id="a module with __all__ keeps it",
        ),
        pytest.param(
            "import shutil as sh\nsh.rmtree(x)\n",
            "import shutil as sh\npass\n",
            "import shutil as sh\npass\n",
            id="an aliased import is not ours to judge",
        ),
        pytest.param(
            "import shutil\nimport os\n",
            "import shutil\nimport os\n",
            "import shutil\nimport os\n",
            id="unused before stays",
        ),
        pytest.param(
            "import shutil\nshutil.rmtree(x)\n",
            "import shutil\nprint('shutil', os.shutil)\n",
            "print('shutil', os.shutil)\n",
            id="the word in a string or as an attribute is not a read",
        ),
        pytest.param(
            "import shutil\nshutil.rmtree(x)\ndef f():\n    import shutil\n    shutil.move(a, b)\n",
            "import shutil\ndef f():\n    import shutil\n    shutil.move(a, b)\n",
            "import shutil\ndef f():\n    import shutil\n    shutil.move(a, b)\n",
            id="a read anywhere keeps the top-level import",
        ),
        pytest.param(
            "import shutil\nshutil.rmtree(x)\n",
            "import shutil\n\uff53hutil.move(a, b)\n",
            "import shutil\n\uff53hutil.move(a, b)\n",
            id="an identifier that normalises to the name is a read",
        ),
    ],
)
def test_unused_temp_imports(before: str, after: str, expected: str) -> None:
    import libcst as cst

    from transforms.imports import remove_unused_temp_imports, temp_reads_of

    new = remove_unused_temp_imports(cst.parse_module(after), temp_reads_of(before))
    assert new.code == expected


@pytest.mark.parametrize(
    "source",
    ["", "\n", "# only a comment", "x = 1", "x = 1\n\n# trailing\n", "if x:\n    pass\r\n"],
)
def test_module_printer_is_module_code(source: str) -> None:
    import libcst as cst

    from transforms.printing import ModulePrinter

    module = cst.parse_module(source)
    printer = ModulePrinter()
    assert printer.code(module) == module.code == source
    changed = module.with_changes(body=[*module.body, cst.parse_statement("y = 2")])
    assert printer.code(changed) == changed.code


ESCAPES = """\
import unittest
import zope.component.testing
import helpers as placeless
from helpers import configure


class Base(unittest.TestCase):
    def setUp(self):
        pass


class T(Base):
    def setUp(self):
        Base.setUp(self)
        placeless.setUp(self)
        zope.component.testing.setUp(self)
        isinstance(self, T)
        self.name = "{self.x}".format(self=self)

    def tearDown(self):
        placeless.tearDown(self)

    def test_x(self):
        configure(test=self)

    @staticmethod
    def helper(self):
        configure(self)
"""


def test_self_escapes_and_module_calls() -> None:
    """Calls that hand the test to unread code are facts, apart from the class's own parent
    calls and passive builtins; a module's ``setUp(self)`` is no parent call."""
    info = index_module(ESCAPES, "test_escapes", "test_escapes.py")
    modules = {"unittest", "zope", "zope.component", "zope.component.testing", "placeless"}
    assert info.module_spellings == modules
    t = next(c for c in info.classes if c.name == "T")
    assert t.self_escapes == (
        ("setUp", 15, "placeless.setUp"),
        ("setUp", 16, "zope.component.testing.setUp"),
        ("tearDown", 21, "placeless.tearDown"),
        ("test_x", 24, "configure"),
    )
    assert [c.explicit for c in t.methods["setUp"].super_calls] == ["Base"]
    assert t.methods["tearDown"].super_calls == ()


def test_module_spellings_skip_names_bound_otherwise() -> None:
    source = "import a.b as x\nimport c.d\nimport e\nfrom f import g\ne = 1\nx.setUp(self)\n"
    info = index_module(source, "m", "m.py")
    assert info.module_spellings == {"x", "c", "c.d"}
