import unittest

import pytest


class Plain(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _plain_setup(self):
        self.ready = True
        yield
        self.ready = False

    def test_ready(self):
        self.assertTrue(self.ready)
