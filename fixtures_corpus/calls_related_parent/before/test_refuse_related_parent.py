import unittest


class GoodParent(unittest.TestCase):
    def setUp(self):
        self.trail = ["parent"]


class BadChild(GoodParent):
    def setUp(self):
        self.first = True
        super().setUp()
        self.trail.append("child")

    def test_trail(self):
        self.assertEqual(self.trail, ["parent", "child"])


class Unrelated(unittest.TestCase):
    def setUp(self):
        self.free = True

    def test_free(self):
        self.assertTrue(self.free)
