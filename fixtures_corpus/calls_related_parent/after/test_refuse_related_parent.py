import unittest

import pytest


class GoodParent(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _good_parent_setup(self):
        self._good_parent_set_up()

    def _good_parent_set_up(self):
        self.trail = ["parent"]


class BadChild(GoodParent):
    # The methods below call their parents' own: the parent fixtures must not run.
    _good_parent_setup = None

    @pytest.fixture(autouse=True)
    def _bad_child_setup(self):
        self._bad_child_set_up()

    def _bad_child_set_up(self):
        self.first = True
        self._good_parent_set_up()
        self.trail.append("child")

    def test_trail(self):
        self.assertEqual(self.trail, ["parent", "child"])


class Unrelated(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _unrelated_setup(self):
        self.free = True

    def test_free(self):
        self.assertTrue(self.free)
