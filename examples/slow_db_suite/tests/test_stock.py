"""Tests that change the database: each needs a fresh one, so their setUp must stay
per test (the advisor must see the writes and refuse to share it)."""

import unittest

from tests.shop import PRODUCTS, build_database, scalar


class StockChangeTests(unittest.TestCase):
    def setUp(self):
        self.db = build_database()

    def tearDown(self):
        self.db.close()

    def test_add_product(self):
        self.db.execute("INSERT INTO product VALUES (?, 'new', 'books', 1.0)", (PRODUCTS + 1,))
        self.assertEqual(scalar(self.db, "SELECT COUNT(*) FROM product"), PRODUCTS + 1)

    def test_remove_product(self):
        self.db.execute("DELETE FROM product WHERE id = 1")
        self.assertEqual(scalar(self.db, "SELECT COUNT(*) FROM product"), PRODUCTS - 1)

    def test_count_is_fresh(self):
        # Passes only when no other test's insert or delete is visible.
        self.assertEqual(scalar(self.db, "SELECT COUNT(*) FROM product"), PRODUCTS)
