import unittest
import pytest


class SomeSkipped(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _some_skipped_setup(self):
        self.ready = True
        yield

    @unittest.skip("not supported")
    def test_skipped(self):
        self.fail("never runs")

    @unittest.skipIf(True, "condition holds")
    def test_skipped_if(self):
        self.fail("never runs")

    def test_runs(self):
        self.assertTrue(self.ready)


@unittest.skip("whole class skipped")
class AllSkipped(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _all_skipped_setup(self):
        raise AssertionError("a skipped class never runs setUp")
        yield

    def test_one(self):
        pass
