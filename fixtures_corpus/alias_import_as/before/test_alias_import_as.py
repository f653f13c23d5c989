import unittest as ut


class Aliased(ut.TestCase):
    def setUp(self):
        self.alias = "ut"

    def test_alias(self):
        self.assertEqual(self.alias, "ut")
