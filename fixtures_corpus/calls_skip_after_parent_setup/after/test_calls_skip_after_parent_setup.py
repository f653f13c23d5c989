import unittest

import pytest


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()
        yield
        self._base_tear_down()

    def _base_set_up(self):
        self.log = ["base"]
        self.done = False

    def _base_tear_down(self):
        # unittest runs no tearDown after a setUp that skipped, not even this one.
        assert self.done, "tearDown after a skipped setUp"


class Child(Base):
    skip = True

    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _child_setup(self):
        self._child_set_up()
        yield
        self._base_tear_down()

    def _child_set_up(self):
        self._base_set_up()
        if self.skip:
            self.skipTest("not on this platform")
        self.log.append("child")
        self.done = True

    def test_log(self):
        self.assertEqual(self.log, ["base", "child"])


class Runs(Child):
    skip = False
