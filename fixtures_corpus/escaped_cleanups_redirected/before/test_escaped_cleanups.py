import unittest

import escapecase_helpers as helpers
from escapecase_helpers import EVENTS


class PlacelessTests(unittest.TestCase):
    # helpers.setUp is a function of a module, not a parent class's setUp: it stays.
    def setUp(self):
        del EVENTS[:]
        helpers.setUp(self)

    def tearDown(self):
        helpers.tearDown(self)
        EVENTS.append("tearDown")

    def test_setup_ran(self):
        self.assertEqual(EVENTS, ["helpers.setUp"])

    def test_cleanups_after_teardown(self):
        helpers.watch(self, "test cleanup")
        # Last in, first out: this runs first, after every tearDown.
        self.addCleanup(self.check_teardown_done)

    def check_teardown_done(self):
        if EVENTS != ["helpers.setUp", "helpers.tearDown", "tearDown"]:
            raise RuntimeError(f"cleanup ran too early: {EVENTS}")


class ChildTests(PlacelessTests):
    def setUp(self):
        super().setUp()
        helpers.watch(self, "child cleanup")

    def test_child_cleanup_last(self):
        self.addCleanup(self.check_teardown_done)
