import os
import sys
import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.events = ["base"]

    def tearDown(self):
        self.events.append("base down")


if sys.platform != "no-such-platform":

    class Override(Base):
        """setUp without super(): Base's setup must not run for it (its fixture is off)."""

        def setUp(self):
            self.own = True

        def tearDown(self):
            self.own = False

        def test_only_own_setup(self):
            self.assertTrue(self.own)
            self.assertFalse(hasattr(self, "events"))


try:
    import json
except ImportError:  # pragma: no cover
    json = None
else:

    class Chained(Base):
        def setUp(self):
            super().setUp()
            self.events.append("chained")

        def test_chain(self):
            self.assertEqual(self.events, ["base", "chained"])

        @unittest.skipIf(json is not None, "skipped before any setup runs")
        def test_skipped(self):
            raise AssertionError("never runs")


if hasattr(os, "getpid"):

    class Standalone(unittest.TestCase):
        @classmethod
        def setUpClass(cls):
            cls.pid = os.getpid()

        def setUp(self):
            self.seen = self.pid

        def test_pid(self):
            self.assertEqual(self.seen, os.getpid())
