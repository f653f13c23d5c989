import unittest

import pytest

CALLS = []


class Shared(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _shared_class_setup(cls):
        CALLS.append("setUpClass")
        cls.connection = {"open": True}
        yield
        # tearDownClass sees the state that setUpClass made, once per class
        assert cls.connection["open"]
        assert CALLS.count("setUpClass") == 1, CALLS

    def test_one(self):
        self.assertTrue(self.connection["open"])

    def test_two(self):
        self.assertEqual(CALLS.count("setUpClass"), 1)
