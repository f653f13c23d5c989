import sys
import unittest

import pytest

SETUPS = []
RAN = []


class SomeSkipped(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _some_skipped_class_setup(cls):
        yield
        # unittest never calls setUp for a decorator-skipped test
        assert len(SETUPS) == len(RAN), (SETUPS, RAN)

    @pytest.fixture(autouse=True)
    def _some_skipped_setup(self):
        # A decorator marked this test skipped: unittest skips before setUp.
        if getattr(getattr(self, self._testMethodName), "__unittest_skip__", False):
            pytest.skip(getattr(getattr(self, self._testMethodName), "__unittest_skip_why__", ""))
        SETUPS.append(self._testMethodName)

    @unittest.skip("not supported")
    def test_skipped(self):
        self.fail("never runs")

    @unittest.skipIf(sys.maxsize > 0, "condition holds")
    def test_skipped_if(self):
        self.fail("never runs")

    @unittest.skipUnless(sys.maxsize < 0 or False, reason="condition does not hold")
    def test_skipped_unless(self):
        self.fail("never runs")

    def test_runs(self):
        RAN.append(self._testMethodName)


@unittest.skip("whole class skipped")
class AllSkipped(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _all_skipped_setup(self):
        raise AssertionError("a skipped class never runs setUp")

    def test_one(self):
        pass
