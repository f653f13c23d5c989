import unittest

import pytest


class RootCase(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _root_case_setup(self):
        self.seen = ["root"]
        yield
        assert self.seen[-1] == "middle-down", self.seen


class MiddleCase(RootCase):
    @pytest.fixture(autouse=True)
    def _middle_case_setup(self, _root_case_setup):
        self.seen.append("middle")
        yield
        if "leaf" in self.seen:
            assert self.seen[-1] == "leaf-down", self.seen
        self.seen.append("middle-down")


class LeafTests(MiddleCase):
    @pytest.fixture(autouse=True)
    def _leaf_tests_setup(self, _middle_case_setup):
        self.seen.append("leaf")
        yield
        self.seen.append("leaf-down")

    def test_chain(self):
        self.assertEqual(self.seen, ["root", "middle", "leaf"])


class MiddleOnlyTests(MiddleCase):
    def test_middle(self):
        self.assertEqual(self.seen, ["root", "middle"])
