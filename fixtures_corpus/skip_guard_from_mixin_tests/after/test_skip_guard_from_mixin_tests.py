import unittest

import pytest


def skipped_by_helper(func):
    return unittest.skip("helper says no")(func)


class SharedTests:
    """Its tests are inherited after TestCase in the MRO; one is skipped by a helper."""

    @skipped_by_helper
    def test_skipped(self):
        raise AssertionError("never runs")


class Case(unittest.TestCase, SharedTests):
    @pytest.fixture(autouse=True)
    def _case_setup(self):
        # A decorator marked this test skipped: unittest skips before setUp.
        if getattr(getattr(self, self._testMethodName), "__unittest_skip__", False):
            pytest.skip(getattr(getattr(self, self._testMethodName), "__unittest_skip_why__", ""))
        if self._testMethodName == "test_skipped":
            raise RuntimeError("setUp must not run for a skipped test")
        self.ready = True

    def test_ready(self):
        self.assertTrue(self.ready)
