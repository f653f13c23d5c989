import unittest

import pytest

KEEP = True


class Parent(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _parent_setup(self):
        self._parent_set_up()
        yield
        self._parent_tear_down()

    def _parent_set_up(self):
        self.log = []

    def _parent_tear_down(self):
        raise AssertionError("the child returns before calling this")


class Child(Parent):
    # The methods below call their parents' own: the parent fixtures must not run.
    _parent_setup = None

    @pytest.fixture(autouse=True)
    def _child_setup(self):
        self._parent_set_up()
        yield
        self._child_tear_down()

    def _child_tear_down(self):
        if KEEP:
            return
        self._parent_tear_down()

    def test_child(self):
        self.assertEqual(self.log, [])
