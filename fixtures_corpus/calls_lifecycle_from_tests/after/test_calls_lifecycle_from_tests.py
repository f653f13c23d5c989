import unittest

import pytest


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()
        yield
        self._base_tear_down()

    def _base_set_up(self):
        self.resource = ["open"]
        self.setups = getattr(self, "setups", 0) + 1

    def _base_tear_down(self):
        self.resource.clear()


class Restarts(Base):
    def test_restart(self):
        self.resource.append("used")
        self._base_tear_down()
        self._base_set_up()
        self.assertEqual(self.resource, ["open"])
        self.assertEqual(self.setups, 2)

    def test_setup_again(self):
        self._base_set_up()
        self.assertEqual(self.setups, 2)


class Child(Base):
    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _child_setup(self):
        self._child_set_up()
        yield
        self._base_tear_down()

    def _child_set_up(self):
        self._base_set_up()
        self.child = True

    def test_child_again(self):
        self.child = False
        self._child_set_up()
        self.assertTrue(self.child)
        self.assertEqual(self.setups, 2)


class Plain(unittest.TestCase):
    def test_testcase_noop(self):
        super().setUp()  # TestCase's own setUp: nothing to point elsewhere
        self.assertTrue(True)


class Again:
    """A mixin of tests: its super().setUp() reaches Base's in every class that uses it."""

    def test_mixin_setup_again(self):
        self._base_set_up()
        self.assertEqual(self.setups, 2)


class UsesAgain(Again, Base):
    pass
