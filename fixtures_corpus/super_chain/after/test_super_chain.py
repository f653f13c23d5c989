import unittest

import pytest


class BaseTests(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_tests_setup(self):
        self.order = ["base-setup"]
        yield
        # the child's teardown body must already have run
        assert self.order[-1] == "child-teardown", self.order
        self.order.append("base-teardown")


class ChildTests(BaseTests):
    @pytest.fixture(autouse=True)
    def _child_tests_setup(self, _base_tests_setup):
        self.order.append("child-setup")
        yield
        self.order.append("child-teardown")

    def test_order(self):
        self.assertEqual(self.order, ["base-setup", "child-setup"])
