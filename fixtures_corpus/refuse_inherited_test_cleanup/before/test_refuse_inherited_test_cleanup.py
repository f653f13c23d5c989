import unittest

ORDER = []


class CleanupTests:
    """Tests inherited from a mixin (after TestCase in the MRO) register cleanups."""

    def test_registers_cleanup(self):
        self.addCleanup(ORDER.append, "cleanup")


class WithTearDown(unittest.TestCase, CleanupTests):
    def setUp(self):
        ORDER.clear()

    def tearDown(self):
        ORDER.append("tearDown")

    def test_order_seen_by_next(self):
        pass


class Checks(unittest.TestCase):
    """unittest runs a test's cleanups after tearDown; a fixture's teardown would run last."""

    def test_order(self):
        case = WithTearDown("test_registers_cleanup")
        result = unittest.TestResult()
        case.run(result)
        self.assertEqual(ORDER, ["tearDown", "cleanup"])
