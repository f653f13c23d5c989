import unittest

CALLS = []


class Shared(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        CALLS.append("setUpClass")
        cls.connection = {"open": True}

    @classmethod
    def tearDownClass(cls):
        # tearDownClass sees the state that setUpClass made, once per class
        assert cls.connection["open"]
        assert CALLS.count("setUpClass") == 1, CALLS

    def test_one(self):
        self.assertTrue(self.connection["open"])

    def test_two(self):
        self.assertEqual(CALLS.count("setUpClass"), 1)
