import unittest

import pytest


class Parent(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _parent_setup(self):
        self._parent_set_up()
        yield
        self._parent_tear_down()

    def _parent_set_up(self):
        self.parent = True

    def _parent_tear_down(self):
        self.parent_down = True


class Mixed(Parent):
    # The methods below call their parents' own: the parent fixtures must not run.
    _parent_setup = None

    @pytest.fixture(autouse=True)
    def _mixed_setup(self):
        self._mixed_set_up()
        yield
        self._mixed_tear_down()

    def _mixed_set_up(self):
        self.mixed = True

    def _mixed_tear_down(self):
        self._parent_tear_down()

    def test_mixed(self):
        self.assertFalse(hasattr(self, "parent"))
