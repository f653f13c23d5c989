import unittest


class Resets(unittest.TestCase):
    def setUp(self):
        self.count = getattr(self, "count", 0) + 1

    def test_reset(self):
        self.setUp()
        self.assertEqual(self.count, 2)
