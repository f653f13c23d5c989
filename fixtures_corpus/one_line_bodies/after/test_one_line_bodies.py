import unittest

import pytest


class Compact(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _compact_setup(self):
        self.n = 5
        yield
        self.n = None

    def test_n(self):
        self.assertEqual(self.n, 5)
