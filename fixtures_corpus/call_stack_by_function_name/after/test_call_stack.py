import sys
import traceback
import unittest

import pytest


class Recorded(unittest.TestCase):
    """Names files after the lifecycle frame it finds on the stack (PyGithub's replay data)."""

    def frame_name(self):
        names = [n for _, _, n, _ in traceback.extract_stack() if n in ("setUp", "tearDown")]
        return names[-1] if names else None

    def setUp(self):
        self.opened = self.frame_name()

    def test_opened(self):
        self.assertEqual(self.opened, "setUp")


class Checked(unittest.TestCase):
    """Looks at the stack in tearDown only: the tearDown stays, the setUp converts."""

    @pytest.fixture(autouse=True)
    def _checked_setup(self):
        self.ready = True

    def tearDown(self):
        if "tearDown" not in [f.name for f in traceback.extract_stack()]:
            raise RuntimeError("tearDown is not called tearDown any more")

    def test_ready(self):
        self.assertTrue(self.ready)


class Framed(unittest.TestCase):
    """Reads the stack in a test only: under its own name, inside run(); all converts."""

    @pytest.fixture(autouse=True)
    def _framed_setup(self):
        self.names = []
        yield
        self.names.clear()

    def test_own_frame(self):
        self.names.append(sys._getframe().f_code.co_name)
        self.assertEqual(self.names, ["test_own_frame"])
