import unittest

import pytest

MODE = "fast"


class ModeTests(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _mode_tests_setup(self):
        if MODE == "fast":
            self.speed = 10
        else:
            self.speed = 1
            self.slow = True

    def test_speed(self):
        self.assertEqual(self.speed, 10)
        self.assertFalse(hasattr(self, "slow"))
