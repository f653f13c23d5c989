import unittest

from tests.base import StoreTestCase

CATALOGUE = None


def setUpModule():
    global CATALOGUE
    CATALOGUE = {"apple": 3, "pear": 5}


def tearDownModule():
    global CATALOGUE
    CATALOGUE = None


class InventoryTests(StoreTestCase):
    @classmethod
    def setUpClass(cls):
        cls.prices = dict(CATALOGUE)

    def setUp(self):
        super().setUp()
        self.store.update(self.prices)

    def test_lookup(self):
        self.assertEqual(self.store["apple"], 3)

    def test_isolated(self):
        self.store["apple"] = 0
        self.assertEqual(self.prices["apple"], 3)


class ReportTests(StoreTestCase):
    def test_empty(self):
        self.assertEqual(self.store, {})


class LegacyTests(unittest.TestCase):
    def setUp(self):
        self.items = []
        super().setUp()  # not first, but only reaches TestCase.setUp: dropped

    def test_items(self):
        self.assertEqual(self.items, [])
