import unittest


class ParserTests(unittest.TestCase):
    def setUp(self):
        self.tokens = "a b c".split()

    def test_count(self):
        self.assertEqual(len(self.tokens), 3)
