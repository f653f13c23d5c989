import unittest

import attr_helpers
from attr_helpers import namespace as ns


class TestEven(ns.CheckAsserts, unittest.TestCase):
    def setUp(self):
        self.value = 4

    def tearDown(self):
        attr_helpers.EVENTS.append("even tearDown")

    def test_even(self):
        self.assertEven(self.value)


class TestNestedSetUp(attr_helpers.namespace.WithSetUp, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.ready = True

    def test_ready(self):
        self.assertTrue(self.ready)
        self.assertIn("nested setUp", attr_helpers.EVENTS)


class TestRebound(ns.Rebound):
    def setUp(self):
        self.ready = True

    def test_ready(self):
        self.assertTrue(self.ready)
