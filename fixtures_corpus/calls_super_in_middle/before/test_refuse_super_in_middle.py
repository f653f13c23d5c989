import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.order = getattr(self, "order", []) + ["base"]


class Middle(Base):
    def setUp(self):
        self.order = ["before"]
        super().setUp()
        self.order.append("after")

    def test_order(self):
        self.assertEqual(self.order, ["before", "base", "after"])
