import unittest

import pytest


class BothLevels(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _both_levels_class_setup(cls):
        cls.events = ["class-setup"]
        yield
        assert cls.events[-1] == "teardown", cls.events

    @pytest.fixture(autouse=True)
    def _both_levels_setup(self):
        self.events.append("setup")
        yield
        self.events.append("teardown")

    def test_order(self):
        self.assertEqual(self.events[0], "class-setup")
        self.assertEqual(self.events[-1], "setup")
