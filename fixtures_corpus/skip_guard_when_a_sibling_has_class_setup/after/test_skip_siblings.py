import unittest

import pytest


class Checks(unittest.TestCase):
    @unittest.skip("not on this platform")
    def test_skipped(self):
        raise AssertionError("never runs")

    def test_ok(self):
        self.assertTrue(True)


class WithClassSetup(Checks):
    # Its inherited skip stays unittest's: a pytest mark would skip before setUpClass.
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _with_class_setup_class_setup(cls):
        cls.ready = True


class WithSetup(Checks):
    # unittest skips test_skipped before setUp: the fixture must not run its setup either.
    @pytest.fixture(autouse=True)
    def _with_setup_setup(self):
        # A decorator marked this test skipped: unittest skips before setUp.
        if getattr(getattr(self, self._testMethodName), "__unittest_skip__", False):
            pytest.skip(getattr(getattr(self, self._testMethodName), "__unittest_skip_why__", ""))
        if self._testMethodName == "test_skipped":
            raise RuntimeError("setUp ran for a skipped test")
        self.value = 1
        yield
        self.value = None
