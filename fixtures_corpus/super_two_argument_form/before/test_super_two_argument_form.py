import unittest


class Parent(unittest.TestCase):
    def setUp(self):
        self.value = 1


class Child(Parent):
    def setUp(self):
        super(Child, self).setUp()
        self.value += 1

    def test_value(self):
        self.assertEqual(self.value, 2)
