import sys
import unittest


class SkippedOnThisPlatform(unittest.TestCase):
    def setUp(self):
        if sys.platform != "no-such-platform":
            self.skipTest("needs no-such-platform")
        self.ready = True

    def test_skipped(self):
        self.fail("never runs")


class NotSkipped(unittest.TestCase):
    def setUp(self):
        self.ready = True

    def test_runs(self):
        self.assertTrue(self.ready)
