# -*- coding: latin-1 -*-
import unittest


class Latin(unittest.TestCase):
    def setUp(self):
        self.word = "café"

    def test_word(self):
        self.assertEqual(len(self.word), 4)
