import sys
import unittest

import pytest


class SkippedOnThisPlatform(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _skipped_on_this_platform_setup(self):
        if sys.platform != "no-such-platform":
            self.skipTest("needs no-such-platform")
        self.ready = True

    def test_skipped(self):
        self.fail("never runs")


class NotSkipped(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _not_skipped_setup(self):
        self.ready = True

    def test_runs(self):
        self.assertTrue(self.ready)
