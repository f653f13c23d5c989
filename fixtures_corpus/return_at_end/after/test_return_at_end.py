import unittest

import pytest


class TrailingReturn(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _trailing_return_setup(self):
        self.x = 1

    def test_x(self):
        self.assertEqual(self.x, 1)
