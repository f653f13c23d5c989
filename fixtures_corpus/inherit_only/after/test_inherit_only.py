import unittest

import pytest


class Configured(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _configured_setup(self):
        self.config = {"debug": False}


class UsesConfig(Configured):
    def test_debug_off(self):
        self.assertFalse(self.config["debug"])


class AlsoUsesConfig(Configured):
    def test_keys(self):
        self.assertEqual(list(self.config), ["debug"])
