import unittest


class Shared(unittest.TestCase):
    def setUp(self):
        self.shared = 1

    def test_shared(self):
        self.assertEqual(self.shared, 1)


class Borrower(unittest.TestCase):
    """Not a subclass: it runs Shared's setUp on itself, which must stay a method."""

    def setUp(self):
        Shared.setUp(self)
        self.own = 2

    def test_both(self):
        self.assertEqual(self.shared + self.own, 3)


class Child(Shared):
    def setUp(self):
        Shared.setUp(self)
        self.child = 3

    def test_child(self):
        self.assertEqual(self.shared + self.child, 4)


class Mixin:
    def setUp(self):
        Other.setUp(self)
        self.mixed = True


class Other(unittest.TestCase):
    def setUp(self):
        self.other = True


class Mixed(Mixin, Other):
    def test_mixed(self):
        self.assertTrue(self.mixed and self.other)
