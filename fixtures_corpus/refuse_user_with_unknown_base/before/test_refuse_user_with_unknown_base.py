import unittest

from string import Formatter


class Base(unittest.TestCase):
    def setUp(self):
        self.ready = True


class AlsoFormatter(Formatter, Base):
    def test_ready(self):
        self.assertTrue(self.ready)
