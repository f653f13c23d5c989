import os
import unittest
from unittest import mock
from unittest.mock import patch

STATE = {"mode": "real"}


class Settings:
    level = 1


@mock.patch.dict(STATE, {"mode": "patched"})
class PatchedDict(unittest.TestCase):
    def setUp(self):
        # mock patches only the methods whose name starts with "test": not setUp.
        self.seen = STATE["mode"]

    def tearDown(self):
        assert STATE["mode"] == "real", STATE

    def test_mode(self):
        self.assertEqual(self.seen, "real")
        self.assertEqual(STATE["mode"], "patched")


@patch("os.getcwd", return_value="/patched")
@patch.object(Settings, "level", 2)
class PatchedCall(unittest.TestCase):
    def setUp(self):
        self.cwd = os.getcwd()
        self.level = Settings.level

    def test_cwd(self, getcwd):
        self.assertEqual(os.getcwd(), "/patched")
        self.assertNotEqual(self.cwd, "/patched")
        self.assertEqual((self.level, Settings.level), (1, 2))
