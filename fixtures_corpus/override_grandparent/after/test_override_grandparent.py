import unittest

import pytest


class First(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _first_setup(self):
        self.first = True


class Second(First):
    @pytest.fixture(autouse=True)
    def _second_setup(self, _first_setup):
        self.second = True

    def test_both(self):
        self.assertTrue(self.first and self.second)


class Third(Second):
    # setUp does not call super(): the parent fixtures must not run.
    _second_setup = _first_setup = None
    @pytest.fixture(autouse=True)
    def _third_setup(self):
        self.third = True

    def test_both(self):
        self.assertFalse(hasattr(self, "first"))
        self.assertFalse(hasattr(self, "second"))
        self.assertTrue(self.third)
