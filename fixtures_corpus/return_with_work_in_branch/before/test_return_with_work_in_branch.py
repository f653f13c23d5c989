import unittest

MODE = "fast"


class ModeTests(unittest.TestCase):
    def setUp(self):
        if MODE == "fast":
            self.speed = 10
            return
        self.speed = 1
        self.slow = True

    def test_speed(self):
        self.assertEqual(self.speed, 10)
        self.assertFalse(hasattr(self, "slow"))
