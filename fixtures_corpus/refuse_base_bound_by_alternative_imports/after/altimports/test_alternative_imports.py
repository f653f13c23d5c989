import unittest

import pytest

from altimports.fancy import EVENTS

try:
    from altimports.fancy import FancyTestCase as BaseCase
except ImportError:
    from unittest import TestCase as BaseCase

try:
    import unittest2 as ut
except ImportError:
    import unittest as ut

try:
    from pytest import mark
except ImportError:
    from altimports import fancy as mark


class Chosen(BaseCase):
    def setUp(self):
        super().setUp()
        self.value = 1

    def test_value(self):
        self.assertEqual(self.value, 1)
        self.assertEqual(EVENTS[-1], "fancy setUp")


class Mixin:
    def setUp(self):
        super().setUp()
        self.mixed = True


class Plain(Mixin, unittest.TestCase):
    def test_mixed(self):
        self.assertTrue(self.mixed)


class Elsewhere(Mixin, BaseCase):
    def test_mixed(self):
        self.assertTrue(self.mixed)


class Same(ut.TestCase):
    @pytest.fixture(autouse=True)
    def _same_setup(self):
        self.same = True

    def test_same(self):
        self.assertTrue(self.same)


@mark.slow
class Marked(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _marked_setup(self):
        self.marked = True

    def test_marked(self):
        self.assertTrue(self.marked)
