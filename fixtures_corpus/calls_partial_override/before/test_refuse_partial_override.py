import unittest


class Parent(unittest.TestCase):
    def setUp(self):
        self.parent = True

    def tearDown(self):
        self.parent_down = True


class Mixed(Parent):
    def setUp(self):
        self.mixed = True

    def tearDown(self):
        super().tearDown()

    def test_mixed(self):
        self.assertFalse(hasattr(self, "parent"))
