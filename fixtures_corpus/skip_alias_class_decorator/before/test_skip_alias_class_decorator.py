import os
import unittest
from unittest import skipUnless

from skiphelpers.platform_skips import skipAlways, skipIfNoNetwork

runsHere = skipUnless(True, "runs")

if os.name == "nt":
    maybeSkip = unittest.skip("windows")
else:
    maybeSkip = unittest.skipIf(False, "never")


@skipAlways
class TestSkippedByAlias(unittest.TestCase):
    def setUp(self):
        raise RuntimeError("unittest skips the class before setUp")

    def test_never_runs(self):
        self.fail("skipped")


@skipIfNoNetwork
class TestNotSkippedByImportedAlias(unittest.TestCase):
    def setUp(self):
        self.events = ["setUp"]

    def tearDown(self):
        self.events.append("tearDown")

    def test_runs(self):
        self.assertEqual(self.events, ["setUp"])


@runsHere
class TestLocalAlias(unittest.TestCase):
    def setUp(self):
        self.value = 42

    def test_value(self):
        self.assertEqual(self.value, 42)


@maybeSkip
class TestAliasBoundTwice(unittest.TestCase):
    def setUp(self):
        self.value = 1

    def test_value(self):
        self.assertEqual(self.value, 1)
