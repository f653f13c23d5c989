import unittest


class First(unittest.TestCase):
    def setUp(self):
        self.first = True


class Second(First):
    def setUp(self):
        super().setUp()
        self.second = True

    def test_both(self):
        self.assertTrue(self.first and self.second)


class Third(Second):
    def setUp(self):
        self.third = True

    def test_both(self):
        self.assertFalse(hasattr(self, "first"))
        self.assertFalse(hasattr(self, "second"))
        self.assertTrue(self.third)
