import unittest

import pytest


class Collide(unittest.TestCase):
    _collide_setup = "an attribute with the generated name"

    @pytest.fixture(autouse=True)
    def _collide_setup_2(self):
        self.ready = True

    def test_attribute_kept(self):
        self.assertEqual(self._collide_setup, "an attribute with the generated name")
        self.assertTrue(self.ready)
