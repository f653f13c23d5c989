import unittest

import pytest


class WidgetTests(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _widget_tests_setup(self):
        self.widget = {"size": 3}
        self.log = ["setup"]
        yield
        # tearDown runs after the test body, on the same instance
        assert self.log == ["setup", "test"], self.log
        self.widget.clear()

    def test_size(self):
        self.log.append("test")
        self.assertEqual(self.widget["size"], 3)

    def test_fresh_instance(self):
        self.log.append("test")
        self.assertEqual(len(self.widget), 1)
