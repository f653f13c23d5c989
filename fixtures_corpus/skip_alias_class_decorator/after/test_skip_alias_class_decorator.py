import os
import unittest
from unittest import skipUnless

import pytest

from skiphelpers.platform_skips import skipAlways, skipIfNoNetwork

runsHere = skipUnless(True, "runs")

if os.name == "nt":
    maybeSkip = unittest.skip("windows")
else:
    maybeSkip = unittest.skipIf(False, "never")


@skipAlways
class TestSkippedByAlias(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _test_skipped_by_alias_setup(self):
        raise RuntimeError("unittest skips the class before setUp")

    def test_never_runs(self):
        self.fail("skipped")


@skipIfNoNetwork
class TestNotSkippedByImportedAlias(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _test_not_skipped_by_imported_alias_setup(self):
        self.events = ["setUp"]
        yield
        self.events.append("tearDown")

    def test_runs(self):
        self.assertEqual(self.events, ["setUp"])


@runsHere
class TestLocalAlias(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _test_local_alias_setup(self):
        self.value = 42

    def test_value(self):
        self.assertEqual(self.value, 42)


@maybeSkip
class TestAliasBoundTwice(unittest.TestCase):
    def setUp(self):
        self.value = 1

    def test_value(self):
        self.assertEqual(self.value, 1)
