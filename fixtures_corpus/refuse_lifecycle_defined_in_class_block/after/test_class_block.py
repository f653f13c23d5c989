import sys
import unittest

import pytest

NEW = sys.version_info >= (3,)
EVENTS = []


class Versioned(unittest.TestCase):
    if NEW:

        def setUp(self):
            self.value = "new"

    else:

        def setUp(self):
            self.value = "old"

    def test_value(self):
        self.assertEqual(self.value, "new")


class Child(Versioned):
    def setUp(self):
        super().setUp()
        self.child = self.value + "!"

    def test_child(self):
        self.assertEqual(self.child, "new!")


class Wrapped(unittest.TestCase):
    try:

        def run(self, result=None):
            EVENTS.append("run")
            return super().run(result)

    except NameError:
        pass

    def setUp(self):
        EVENTS.append("setUp")

    def test_wrapped(self):
        self.assertEqual(EVENTS[-2:], ["run", "setUp"])


SYNC = True


class Folded(unittest.TestCase):
    """``SYNC`` is a module constant: the block below never runs, so nothing wraps."""

    if not SYNC:

        def run(self, result=None):
            raise AssertionError("never defined")

    @pytest.fixture(autouse=True)
    def _folded_setup(self):
        self.folded = True

    def test_folded(self):
        self.assertTrue(self.folded)
