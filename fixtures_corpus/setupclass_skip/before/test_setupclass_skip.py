import unittest


class NeedsServer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest("no server here")

    def test_a(self):
        self.fail("never runs")

    def test_b(self):
        self.fail("never runs")
