import unittest


class TrailingReturn(unittest.TestCase):
    def setUp(self):
        self.x = 1
        return

    def test_x(self):
        self.assertEqual(self.x, 1)
