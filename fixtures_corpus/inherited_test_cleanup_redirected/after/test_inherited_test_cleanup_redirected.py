import contextlib
import unittest

import pytest


class CleanupTests:
    """Tests inherited from a mixin (after TestCase in the MRO) register cleanups."""

    def test_registers_cleanup(self):
        self.addCleanup(self.check_teardown_ran_first)

    def check_teardown_ran_first(self):
        # unittest runs a test's cleanups after tearDown
        assert self.order == ["setUp", "tearDown"], self.order


class WithTearDown(unittest.TestCase, CleanupTests):
    @pytest.fixture(autouse=True)
    def _with_tear_down_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self.order = ["setUp"]
            yield
            self.order.append("tearDown")

    def test_without_cleanup(self):
        self.assertEqual(self.order, ["setUp"])
