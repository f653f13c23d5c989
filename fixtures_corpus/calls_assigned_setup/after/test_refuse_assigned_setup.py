import unittest

import pytest


def prepare(self):
    self.prepared = True


class Assigned(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _assigned_setup(self):
        self._assigned_set_up()

    _assigned_set_up = prepare

    def test_prepared(self):
        self.assertTrue(self.prepared)
