import unittest

STATE = {}


def setUpModule():
    STATE["module"] = "ready"


def tearDownModule():
    STATE.clear()


class Checks(unittest.TestCase):
    def setUp(self):
        self.state = dict(STATE)

    @unittest.skip("not on this platform")
    def test_skipped(self):
        raise AssertionError("never runs")

    def test_module_ready(self):
        self.assertEqual(self.state, {"module": "ready"})
