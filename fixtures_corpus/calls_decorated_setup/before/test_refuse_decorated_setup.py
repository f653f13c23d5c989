import functools
import unittest


def traced(func):
    @functools.wraps(func)
    def wrapper(self):
        self.traced = True
        return func(self)

    return wrapper


class Traced(unittest.TestCase):
    @traced
    def setUp(self):
        self.ready = True

    def test_traced(self):
        self.assertTrue(self.traced and self.ready)
