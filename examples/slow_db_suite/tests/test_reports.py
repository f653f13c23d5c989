"""Read-only reports over the shop database: every test only queries it."""

import unittest

from tests.shop import CATEGORIES, PRODUCTS, SALES, build_database, scalar


class CatalogTests(unittest.TestCase):
    def setUp(self):
        self.db = build_database()

    def tearDown(self):
        self.db.close()

    def test_product_count(self):
        self.assertEqual(scalar(self.db, "SELECT COUNT(*) FROM product"), PRODUCTS)

    def test_category_books(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM product WHERE category = ?", "books")
        self.assertEqual(count, PRODUCTS // len(CATEGORIES))

    def test_category_games(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM product WHERE category = ?", "games")
        self.assertEqual(count, PRODUCTS // len(CATEGORIES))

    def test_category_tools(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM product WHERE category = ?", "tools")
        self.assertEqual(count, PRODUCTS // len(CATEGORIES))

    def test_category_food(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM product WHERE category = ?", "food")
        self.assertEqual(count, PRODUCTS // len(CATEGORIES))

    def test_category_music(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM product WHERE category = ?", "music")
        self.assertEqual(count, PRODUCTS // len(CATEGORIES))

    def test_product_797_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 797), "item 797")

    def test_product_1594_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 1594), "item 1594")

    def test_product_2391_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 2391), "item 2391")

    def test_product_3188_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 3188), "item 3188")

    def test_product_3985_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 3985), "item 3985")

    def test_product_4782_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 4782), "item 4782")

    def test_product_5579_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 5579), "item 5579")

    def test_product_6376_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 6376), "item 6376")

    def test_product_7173_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 7173), "item 7173")

    def test_product_7970_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 7970), "item 7970")

    def test_product_8767_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 8767), "item 8767")

    def test_product_9564_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 9564), "item 9564")

    def test_product_10361_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 10361), "item 10361")

    def test_product_11158_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 11158), "item 11158")

    def test_product_11955_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 11955), "item 11955")

    def test_product_12752_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 12752), "item 12752")

    def test_product_13549_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 13549), "item 13549")

    def test_product_14346_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 14346), "item 14346")

    def test_product_15143_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 15143), "item 15143")

    def test_product_15940_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 15940), "item 15940")

    def test_product_16737_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 16737), "item 16737")

    def test_product_17534_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 17534), "item 17534")

    def test_product_18331_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 18331), "item 18331")

    def test_product_19128_name(self):
        self.assertEqual(scalar(self.db, "SELECT name FROM product WHERE id = ?", 19128), "item 19128")


class SalesReportTests(unittest.TestCase):
    def setUp(self):
        self.db = build_database()
        self.days = 365

    def tearDown(self):
        self.db.close()

    def test_sale_count(self):
        self.assertEqual(scalar(self.db, "SELECT COUNT(*) FROM sale"), SALES)

    def test_sales_on_day_0(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 0)
        self.assertGreater(count, 0)
        self.assertLess(0, self.days)

    def test_sales_on_day_12(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 12)
        self.assertGreater(count, 0)
        self.assertLess(12, self.days)

    def test_sales_on_day_24(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 24)
        self.assertGreater(count, 0)
        self.assertLess(24, self.days)

    def test_sales_on_day_36(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 36)
        self.assertGreater(count, 0)
        self.assertLess(36, self.days)

    def test_sales_on_day_48(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 48)
        self.assertGreater(count, 0)
        self.assertLess(48, self.days)

    def test_sales_on_day_60(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 60)
        self.assertGreater(count, 0)
        self.assertLess(60, self.days)

    def test_sales_on_day_72(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 72)
        self.assertGreater(count, 0)
        self.assertLess(72, self.days)

    def test_sales_on_day_84(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 84)
        self.assertGreater(count, 0)
        self.assertLess(84, self.days)

    def test_sales_on_day_96(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 96)
        self.assertGreater(count, 0)
        self.assertLess(96, self.days)

    def test_sales_on_day_108(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 108)
        self.assertGreater(count, 0)
        self.assertLess(108, self.days)

    def test_sales_on_day_120(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 120)
        self.assertGreater(count, 0)
        self.assertLess(120, self.days)

    def test_sales_on_day_132(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 132)
        self.assertGreater(count, 0)
        self.assertLess(132, self.days)

    def test_sales_on_day_144(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 144)
        self.assertGreater(count, 0)
        self.assertLess(144, self.days)

    def test_sales_on_day_156(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 156)
        self.assertGreater(count, 0)
        self.assertLess(156, self.days)

    def test_sales_on_day_168(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 168)
        self.assertGreater(count, 0)
        self.assertLess(168, self.days)

    def test_sales_on_day_180(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 180)
        self.assertGreater(count, 0)
        self.assertLess(180, self.days)

    def test_sales_on_day_192(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 192)
        self.assertGreater(count, 0)
        self.assertLess(192, self.days)

    def test_sales_on_day_204(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 204)
        self.assertGreater(count, 0)
        self.assertLess(204, self.days)

    def test_sales_on_day_216(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 216)
        self.assertGreater(count, 0)
        self.assertLess(216, self.days)

    def test_sales_on_day_228(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 228)
        self.assertGreater(count, 0)
        self.assertLess(228, self.days)

    def test_sales_on_day_240(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 240)
        self.assertGreater(count, 0)
        self.assertLess(240, self.days)

    def test_sales_on_day_252(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 252)
        self.assertGreater(count, 0)
        self.assertLess(252, self.days)

    def test_sales_on_day_264(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 264)
        self.assertGreater(count, 0)
        self.assertLess(264, self.days)

    def test_sales_on_day_276(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 276)
        self.assertGreater(count, 0)
        self.assertLess(276, self.days)

    def test_sales_on_day_288(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 288)
        self.assertGreater(count, 0)
        self.assertLess(288, self.days)

    def test_sales_on_day_300(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 300)
        self.assertGreater(count, 0)
        self.assertLess(300, self.days)

    def test_sales_on_day_312(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 312)
        self.assertGreater(count, 0)
        self.assertLess(312, self.days)

    def test_sales_on_day_324(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 324)
        self.assertGreater(count, 0)
        self.assertLess(324, self.days)

    def test_sales_on_day_336(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 336)
        self.assertGreater(count, 0)
        self.assertLess(336, self.days)

    def test_sales_on_day_348(self):
        count = scalar(self.db, "SELECT COUNT(*) FROM sale WHERE day = ?", 348)
        self.assertGreater(count, 0)
        self.assertLess(348, self.days)
