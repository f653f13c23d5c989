import unittest


class First(unittest.TestCase):
    def setUp(self):
        self.which = getattr(self, "which", []) + ["first"]


class Second(unittest.TestCase):
    def setUp(self):
        self.which = getattr(self, "which", []) + ["second"]


class Again:
    def test_again(self):
        # super() reaches First.setUp in one test class and Second.setUp in the other.
        super().setUp()
        self.assertEqual(len(self.which), 2)


class UsesFirst(Again, First):
    pass


class UsesSecond(Again, Second):
    pass
