import unittest


class Resets(unittest.TestCase):
    def setUp(self):
        self.count = getattr(self, "count", 0) + 1

    def test_reset(self):
        again = self.setUp  # read as a value: no call to point elsewhere
        again()
        self.assertEqual(self.count, 2)
