import unittest


class NoLifecycle(unittest.TestCase):
    def test_math(self):
        self.assertEqual(1 + 1, 2)
