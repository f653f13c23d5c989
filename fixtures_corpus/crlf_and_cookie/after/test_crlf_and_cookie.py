# -*- coding: latin-1 -*-
import unittest

import pytest


class Latin(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _latin_setup(self):
        self.word = "café"

    def test_word(self):
        self.assertEqual(len(self.word), 4)
