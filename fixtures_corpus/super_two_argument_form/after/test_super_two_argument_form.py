import unittest

import pytest


class Parent(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _parent_setup(self):
        self.value = 1


class Child(Parent):
    @pytest.fixture(autouse=True)
    def _child_setup(self, _parent_setup):
        self.value += 1

    def test_value(self):
        self.assertEqual(self.value, 2)
