import unittest

from tests.base import StoreTestCase


class OrderTests(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.store["orders"] = []

    def tearDown(self):
        self.audit.append("closed")
        super().tearDown()

    def test_add(self):
        self.store["orders"].append("o-1")
        self.assertEqual(len(self.store["orders"]), 1)


class ResetTests(unittest.TestCase):
    def setUp(self):
        self.count = 0

    def test_reset(self):
        self.setUp()  # calls setUp again by hand: refused (MF110)
        self.assertEqual(self.count, 0)
