import unittest


class TableTests(unittest.TestCase):
    def setUp(self):
        self.rows = [("a", 1), ("b", 2)]

    def check(self, lookup):
        for key, value in self.rows:
            self.assertEqual(lookup(key), value)

    def test_dict(self):
        self.check(dict(self.rows).__getitem__)
