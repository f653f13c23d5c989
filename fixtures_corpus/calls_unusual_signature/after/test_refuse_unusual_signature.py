import unittest

import pytest


class WithDefault(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _with_default_setup(self):
        self._with_default_set_up()

    def _with_default_set_up(self, size=3):
        self.size = size

    def test_size(self):
        self.assertEqual(self.size, 3)
