import unittest

import pytest


class TempMixin:
    @pytest.fixture(autouse=True)
    def _temp_mixin_setup(self):
        self.temp = "made"


class UsesMixin(TempMixin, unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _uses_mixin_setup(self, _temp_mixin_setup):
        self.own = True

    def test_both(self):
        self.assertEqual(self.temp, "made")
        self.assertTrue(self.own)
