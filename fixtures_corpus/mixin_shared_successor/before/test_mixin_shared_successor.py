import unittest


class DatabaseCase(unittest.TestCase):
    def setUp(self):
        self.steps = ["database"]

    def tearDown(self):
        assert self.steps[-1] == "cache-down", self.steps


class CacheMixin:
    def setUp(self):
        super().setUp()
        self.steps.append("cache")

    def tearDown(self):
        self.steps.append("cache-down")
        super().tearDown()


class UserTests(CacheMixin, DatabaseCase):
    def test_steps(self):
        self.assertEqual(self.steps, ["database", "cache"])


class OrderTests(CacheMixin, DatabaseCase):
    def setUp(self):
        super().setUp()
        self.steps.append("orders")

    def test_steps(self):
        self.assertEqual(self.steps, ["database", "cache", "orders"])
