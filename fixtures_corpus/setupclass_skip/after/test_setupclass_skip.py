import unittest

import pytest


class NeedsServer(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _needs_server_class_setup(cls):
        raise unittest.SkipTest("no server here")

    def test_a(self):
        self.fail("never runs")

    def test_b(self):
        self.fail("never runs")
