import unittest


class BothLevels(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.events = ["class-setup"]

    @classmethod
    def tearDownClass(cls):
        assert cls.events[-1] == "teardown", cls.events

    def setUp(self):
        self.events.append("setup")

    def tearDown(self):
        self.events.append("teardown")

    def test_order(self):
        self.assertEqual(self.events[0], "class-setup")
        self.assertEqual(self.events[-1], "setup")
