import unittest

import pytest


class ExpensiveBase(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _expensive_base_setup(self):
        self.expensive = True
        yield
        self.expensive = False

    def test_base(self):
        self.assertTrue(self.expensive)


class CheapTests(ExpensiveBase):
    # setUp does not call super(): the parent fixtures must not run.
    _expensive_base_setup = None
    @pytest.fixture(autouse=True)
    def _cheap_tests_setup(self):
        self.cheap = True
        yield
        assert not hasattr(self, "expensive")

    def test_base(self):
        self.assertFalse(hasattr(self, "expensive"))
        self.assertTrue(self.cheap)
