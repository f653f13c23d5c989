import logging
import sys
import unittest

EVENTS = []


class Base(unittest.TestCase):
    def setUp(self):
        super().setUp()
        EVENTS.append("base-setUp")
        self.base = True

    def tearDown(self):
        EVENTS.append("base-tearDown")
        super().tearDown()


class Plain(Base):
    def test_plain(self):
        self.assertTrue(self.base)


class Quiet(Base):
    """Adds a root logging handler in setUp: refused (MF119)."""

    def setUp(self):
        super().setUp()
        self.handler = logging.NullHandler()
        logging.root.addHandler(self.handler)
        EVENTS.append("quiet-setUp")

    def tearDown(self):
        logging.root.removeHandler(self.handler)
        super().tearDown()
        EVENTS.append("quiet-tearDown")

    def test_quiet(self):
        self.assertIn(self.handler, logging.root.handlers)
        self.assertTrue(self.base)


class Loud(Base):
    def setUp(self):
        self.err = sys.stderr
        sys.stderr = sys.stdout
        EVENTS.append("loud-setUp")

    def test_loud(self):
        self.assertFalse(hasattr(self, "base"))
        sys.stderr = self.err


class LoudChild(Loud):
    def test_child(self):
        self.assertFalse(hasattr(self, "base"))
        sys.stderr = self.err
