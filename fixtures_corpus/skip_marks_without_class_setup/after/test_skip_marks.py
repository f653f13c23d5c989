import sys
import unittest

import pytest

SETUPS = []


class SomeSkipped(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _some_skipped_setup(self):
        SETUPS.append(self._testMethodName)

    @pytest.mark.skip(reason="not supported")
    def test_skipped(self):
        self.fail("never runs")

    @pytest.mark.skipif(sys.maxsize > 0, reason="condition holds")
    def test_skipped_if(self):
        self.fail("never runs")

    @pytest.mark.skipif(not (sys.maxsize < 0 or False), reason="condition does not hold")
    def test_skipped_unless(self):
        self.fail("never runs")

    def test_runs(self):
        # unittest never calls setUp for a decorator-skipped test
        self.assertEqual(SETUPS, [self._testMethodName])


@unittest.skip("whole class skipped")
class AllSkipped(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _all_skipped_setup(self):
        raise AssertionError("a skipped class never runs setUp")

    def test_one(self):
        pass
