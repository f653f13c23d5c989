import os
import sys
import unittest

import pytest


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self.events = ["base"]
        yield
        self.events.append("base down")


if sys.platform != "no-such-platform":

    class Override(Base):
        """setUp without super(): Base's setup must not run for it (its fixture is off)."""
        # setUp does not call super(): the parent fixtures must not run.
        _base_setup = None

        @pytest.fixture(autouse=True)
        def _override_setup(self):
            self.own = True
            yield
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
        @pytest.fixture(autouse=True)
        def _chained_setup(self, _base_setup):
            self.events.append("chained")

        def test_chain(self):
            self.assertEqual(self.events, ["base", "chained"])

        @pytest.mark.skipif(json is not None, reason="skipped before any setup runs")
        def test_skipped(self):
            raise AssertionError("never runs")


if hasattr(os, "getpid"):

    class Standalone(unittest.TestCase):
        @pytest.fixture(scope="class", autouse=True)
        @classmethod
        def _standalone_class_setup(cls):
            cls.pid = os.getpid()

        @pytest.fixture(autouse=True)
        def _standalone_setup(self):
            self.seen = self.pid

        def test_pid(self):
            self.assertEqual(self.seen, os.getpid())
