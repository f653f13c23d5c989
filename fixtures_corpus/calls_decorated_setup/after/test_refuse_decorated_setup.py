import functools
import unittest

import pytest


def traced(func):
    @functools.wraps(func)
    def wrapper(self):
        self.traced = True
        return func(self)

    return wrapper


class Traced(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _traced_setup(self):
        self._traced_set_up()

    @traced
    def _traced_set_up(self):
        self.ready = True

    def test_traced(self):
        self.assertTrue(self.traced and self.ready)
