import unittest

import pytest


class DatabaseCase(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _database_case_setup(self):
        self.steps = ["database"]
        yield
        assert self.steps[-1] == "cache-down", self.steps


class CacheMixin:
    @pytest.fixture(autouse=True)
    def _cache_mixin_setup(self, _database_case_setup):
        self.steps.append("cache")
        yield
        self.steps.append("cache-down")


class UserTests(CacheMixin, DatabaseCase):
    def test_steps(self):
        self.assertEqual(self.steps, ["database", "cache"])


class OrderTests(CacheMixin, DatabaseCase):
    @pytest.fixture(autouse=True)
    def _order_tests_setup(self, _cache_mixin_setup):
        self.steps.append("orders")

    def test_steps(self):
        self.assertEqual(self.steps, ["database", "cache", "orders"])
