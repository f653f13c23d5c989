import unittest


class CleanupTests:
    """Tests inherited from a mixin (after TestCase in the MRO) register cleanups."""

    def test_registers_cleanup(self):
        self.addCleanup(self.check_teardown_ran_first)

    def check_teardown_ran_first(self):
        # unittest runs a test's cleanups after tearDown
        assert self.order == ["setUp", "tearDown"], self.order


class WithTearDown(unittest.TestCase, CleanupTests):
    def setUp(self):
        self.order = ["setUp"]

    def tearDown(self):
        self.order.append("tearDown")

    def test_without_cleanup(self):
        self.assertEqual(self.order, ["setUp"])
