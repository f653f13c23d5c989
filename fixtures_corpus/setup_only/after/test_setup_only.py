import unittest

import pytest


class ParserTests(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _parser_tests_setup(self):
        self.tokens = "a b c".split()

    def test_count(self):
        self.assertEqual(len(self.tokens), 3)
