import unittest


class BaseTests(unittest.TestCase):
    def setUp(self):
        self.order = ["base-setup"]

    def tearDown(self):
        # the child's teardown body must already have run
        assert self.order[-1] == "child-teardown", self.order
        self.order.append("base-teardown")


class ChildTests(BaseTests):
    def setUp(self):
        super().setUp()
        self.order.append("child-setup")

    def tearDown(self):
        self.order.append("child-teardown")
        super().tearDown()

    def test_order(self):
        self.assertEqual(self.order, ["base-setup", "child-setup"])
