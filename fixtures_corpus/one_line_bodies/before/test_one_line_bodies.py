import unittest


class Compact(unittest.TestCase):
    def setUp(self): self.n = 5
    def tearDown(self): self.n = None

    def test_n(self):
        self.assertEqual(self.n, 5)
