import platform
import sys
import unittest

import pytest

from patching_helpers import EVENTS, patch_and_register, patch_argv, patch_platform


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()
        yield
        self._base_tear_down()

    def _base_set_up(self):
        EVENTS.append(("setUp", platform.system()))
        self.argv = list(sys.argv)

    def _base_tear_down(self):
        EVENTS.append(("tearDown", platform.system()))


@patch_platform
class PlatformTests(Base):
    def test_system(self):
        self.assertEqual(platform.system(), "fake")
        self.assertEqual(platform.node(), "node")
        self.assertNotEqual(EVENTS[-1][1], "fake")


@patch_argv
class ArgvTests(Base):
    @pytest.fixture(autouse=True)
    def _argv_tests_setup(self, _base_setup):
        self.seen = list(sys.argv)

    def test_argv(self):
        self.assertEqual(sys.argv, ["patched"])
        self.assertNotEqual(self.seen, ["patched"])


@patch_and_register
class RegisteredTests(Base):
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _base_setup = None

    def test_registered(self):
        self.assertTrue(self.registered)
        self.assertEqual(self.argv, sys.argv)
        self.assertEqual(platform.system(), "fake")

    def setUp(self):
        self._base_set_up()

    def tearDown(self):
        self._base_tear_down()
