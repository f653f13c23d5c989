import platform
import sys
import unittest

from patching_helpers import EVENTS, patch_and_register, patch_argv, patch_platform


class Base(unittest.TestCase):
    def setUp(self):
        EVENTS.append(("setUp", platform.system()))
        self.argv = list(sys.argv)

    def tearDown(self):
        EVENTS.append(("tearDown", platform.system()))


@patch_platform
class PlatformTests(Base):
    def test_system(self):
        self.assertEqual(platform.system(), "fake")
        self.assertEqual(platform.node(), "node")
        self.assertNotEqual(EVENTS[-1][1], "fake")


@patch_argv
class ArgvTests(Base):
    def setUp(self):
        super().setUp()
        self.seen = list(sys.argv)

    def test_argv(self):
        self.assertEqual(sys.argv, ["patched"])
        self.assertNotEqual(self.seen, ["patched"])


@patch_and_register
class RegisteredTests(Base):
    def test_registered(self):
        self.assertTrue(self.registered)
        self.assertEqual(self.argv, sys.argv)
        self.assertEqual(platform.system(), "fake")
