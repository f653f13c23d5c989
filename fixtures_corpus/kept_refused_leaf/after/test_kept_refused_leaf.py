import logging
import sys
import unittest

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
    """Adds a root logging handler in setUp: refused (MF119)."""
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _base_setup = None

    def setUp(self):
        self._base_set_up()
        self.handler = logging.NullHandler()
        logging.root.addHandler(self.handler)
        EVENTS.append("quiet-setUp")

    def tearDown(self):
        logging.root.removeHandler(self.handler)
        self._base_tear_down()
        EVENTS.append("quiet-tearDown")

    def test_quiet(self):
        self.assertIn(self.handler, logging.root.handlers)
        self.assertTrue(self.base)


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
