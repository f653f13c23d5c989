import contextlib
import unittest

import pytest

EVENTS = []


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self.track("base")
            yield

    def track(self, name):
        EVENTS.append(f"setup {name}")
        self.addCleanup(self.undo, name)

    def undo(self, name):
        # unittest runs the cleanups after every tearDown, the subclass's included.
        if isinstance(self, Child):
            assert "teardown child" in EVENTS[-2:], EVENTS
        EVENTS.append(f"cleanup {name}")


class Child(Base):
    @pytest.fixture(autouse=True)
    def _child_setup(self, _base_setup):
        EVENTS.append("setup child")
        yield
        EVENTS.append("teardown child")

    def test_setup_order(self):
        self.assertEqual(EVENTS[-2:], ["setup base", "setup child"])

    def test_registers_too(self):
        self.track("test")
        self.assertEqual(EVENTS[-1], "setup test")


class Plain(Base):
    def test_base_only(self):
        self.assertEqual(EVENTS[-1], "setup base")

