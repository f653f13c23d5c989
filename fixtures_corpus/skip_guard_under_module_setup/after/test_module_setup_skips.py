import unittest

import pytest

STATE = {}


@pytest.fixture(scope="module", autouse=True)
def _module_setup():
    STATE["module"] = "ready"
    yield
    STATE.clear()


class Checks(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _checks_setup(self):
        # A decorator marked this test skipped: unittest skips before setUp.
        if getattr(getattr(self, self._testMethodName), "__unittest_skip__", False):
            pytest.skip(getattr(getattr(self, self._testMethodName), "__unittest_skip_why__", ""))
        self.state = dict(STATE)

    @unittest.skip("not on this platform")
    def test_skipped(self):
        raise AssertionError("never runs")

    def test_module_ready(self):
        self.assertEqual(self.state, {"module": "ready"})
