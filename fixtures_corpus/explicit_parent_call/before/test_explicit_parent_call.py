import unittest


class Parent(unittest.TestCase):
    def setUp(self):
        self.items = [1]

    def tearDown(self):
        assert self.items == [1, 2, 3], self.items


class Child(Parent):
    def setUp(self):
        Parent.setUp(self)
        self.items.append(2)

    def tearDown(self):
        self.items.append(3)
        Parent.tearDown(self)

    def test_items(self):
        self.assertEqual(self.items, [1, 2])
