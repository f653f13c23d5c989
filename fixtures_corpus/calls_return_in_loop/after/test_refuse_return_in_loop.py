import unittest

import pytest


class Looping(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _looping_setup(self):
        self._looping_set_up()

    def _looping_set_up(self):
        self.found = None
        for item in (1, 2, 3):
            if item == 2:
                self.found = item
                return

    def test_found(self):
        self.assertEqual(self.found, 2)
