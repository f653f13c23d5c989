import unittest

import pytest


class Parent(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _parent_setup(self):
        self.items = [1]
        yield
        assert self.items == [1, 2, 3], self.items


class Child(Parent):
    @pytest.fixture(autouse=True)
    def _child_setup(self, _parent_setup):
        self.items.append(2)
        yield
        self.items.append(3)

    def test_items(self):
        self.assertEqual(self.items, [1, 2])
