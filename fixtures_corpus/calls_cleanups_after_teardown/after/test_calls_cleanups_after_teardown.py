import contextlib
import unittest

import pytest


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self._base_set_up()
            yield
            self._base_tear_down()

    def _base_set_up(self):
        self.order = ["base.setUp"]
        # registered first, so it runs last: after every tearDown
        self.addCleanup(self.expect, "setUp cleanup", "base.tearDown")

    def _base_tear_down(self):
        self.order.append("base.tearDown")

    def expect(self, name, seen):
        assert seen in self.order, (name, self.order)
        self.order.append(name)


class Child(Base):
    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _child_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self._base_set_up()
            yield
            self._child_tear_down()

    def _child_tear_down(self):
        self.order.append("child.tearDown")
        self._base_tear_down()
        self.order.append("after super")

    def test_cleanups_run_after_all_teardowns(self):
        self.order.append("test")
        self.addCleanup(self.expect, "test cleanup", "after super")
        # last in first out: the setUp's cleanup runs after this one
        self.addCleanup(self.expect, "second test cleanup", "after super")


class Helper(Base):
    @pytest.fixture(autouse=True)
    def _helper_setup(self, _base_setup):
        self.register()

    def register(self):
        # a helper that registers a cleanup, as psutil's get_testfn does
        self.addCleanup(self.expect, "helper cleanup", "base.tearDown")

    def test_helper_cleanup(self):
        self.order.append("test")
