import sys
import unittest
import warnings

import pytest

EVENTS = []


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()
        yield
        self._base_tear_down()

    def _base_set_up(self):
        EVENTS.append("base-setUp")
        self.base = True

    def _base_tear_down(self):
        EVENTS.append("base-tearDown")


class Plain(Base):
    def test_plain(self):
        self.assertTrue(self.base)


class Quiet(Base):
    """Filters warnings in setUp: refused (MF119)."""
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _base_setup = None

    def setUp(self):
        self._base_set_up()
        warnings.simplefilter("ignore")
        EVENTS.append("quiet-setUp")

    def test_quiet(self):
        warnings.warn("hidden")
        self.assertTrue(self.base)

    def tearDown(self):
        self._base_tear_down()


class Loud(Base):
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _base_setup = None

    def setUp(self):
        self.err = sys.stderr
        sys.stderr = sys.stdout
        EVENTS.append("loud-setUp")

    def test_loud(self):
        self.assertFalse(hasattr(self, "base"))
        sys.stderr = self.err

    def tearDown(self):
        self._base_tear_down()


class LoudChild(Loud):
    def test_child(self):
        self.assertFalse(hasattr(self, "base"))
        sys.stderr = self.err
