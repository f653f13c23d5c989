import unittest


class ExpensiveBase(unittest.TestCase):
    def setUp(self):
        self.expensive = True

    def tearDown(self):
        self.expensive = False

    def test_base(self):
        self.assertTrue(self.expensive)


class CheapTests(ExpensiveBase):
    def setUp(self):
        self.cheap = True

    def tearDown(self):
        assert not hasattr(self, "expensive")

    def test_base(self):
        self.assertFalse(hasattr(self, "expensive"))
        self.assertTrue(self.cheap)
