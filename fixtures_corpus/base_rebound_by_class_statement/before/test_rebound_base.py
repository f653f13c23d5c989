import unittest
from unittest import TestCase

EVENTS = []


class TestCase(TestCase):
    """The project's own TestCase, under the name it shadows."""

    def setUp(self):
        EVENTS.append("project setUp")
        self.project = "ready"


class Child(TestCase):
    def setUp(self):
        super().setUp()
        self.own = self.project + " twice"

    def test_both(self):
        self.assertEqual(self.own, "ready twice")
        self.assertEqual(EVENTS[-1], "project setUp")


try:
    from unittest import IsolatedAsyncioTestCase as MaybeAsync
except ImportError:

    class MaybeAsync(unittest.TestCase):
        pass


class Either(MaybeAsync):
    def setUp(self):
        self.value = 1

    def test_value(self):
        self.assertEqual(self.value, 1)
