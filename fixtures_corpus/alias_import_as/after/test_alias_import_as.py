import unittest as ut

import pytest


class Aliased(ut.TestCase):
    @pytest.fixture(autouse=True)
    def _aliased_setup(self):
        self.alias = "ut"

    def test_alias(self):
        self.assertEqual(self.alias, "ut")
