import unittest

import pytest


def skip_if_missing(func):
    """Marks the test skipped at import time, as helper decorators in real suites do."""
    return unittest.skip("dependency missing")(func)


class Guarded(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _guarded_setup(self):
        # A decorator marked this test skipped: unittest skips before setUp.
        if getattr(getattr(self, self._testMethodName), "__unittest_skip__", False):
            pytest.skip(getattr(getattr(self, self._testMethodName), "__unittest_skip_why__", ""))
        self.ready = True
        yield
        del self.ready

    @skip_if_missing
    def test_never_sets_up(self):
        raise AssertionError("a skipped test never runs")

    def test_runs(self):
        self.assertTrue(self.ready)


class Exploding(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _exploding_setup(self):
        # A decorator marked this test skipped: unittest skips before setUp.
        if getattr(getattr(self, self._testMethodName), "__unittest_skip__", False):
            pytest.skip(getattr(getattr(self, self._testMethodName), "__unittest_skip_why__", ""))
        raise RuntimeError("setUp must not run for a skipped test")

    @skip_if_missing
    def test_skipped_before_setup(self):
        pass
