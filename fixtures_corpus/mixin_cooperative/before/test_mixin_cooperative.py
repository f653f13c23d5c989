import unittest


class TempMixin:
    def setUp(self):
        super().setUp()
        self.temp = "made"


class UsesMixin(TempMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.own = True

    def test_both(self):
        self.assertEqual(self.temp, "made")
        self.assertTrue(self.own)
