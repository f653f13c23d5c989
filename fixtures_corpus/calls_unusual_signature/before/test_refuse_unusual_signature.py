import unittest


class WithDefault(unittest.TestCase):
    def setUp(self, size=3):
        self.size = size

    def test_size(self):
        self.assertEqual(self.size, 3)
