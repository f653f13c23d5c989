import os

from pkg.testing import EVENTS, StoreTests

from . import TestCase


class DiskTests(StoreTests, TestCase):
    torn = "store teardown"

    def setUp(self):
        TestCase.setUp(self)
        EVENTS.append("setup disk")

    def tearDown(self):
        TestCase.tearDown(self)
        StoreTests.tearDown(self)

    def test_env(self):
        self.assertEqual(os.environ["MF_KEPT"], "1")
        self.assertEqual(EVENTS[-2:], ["setup base", "setup disk"])


class FancyTests(TestCase):
    torn = "teardown fancy"

    def setUp(self):
        super().setUp()
        EVENTS.append("setup fancy")

    def tearDown(self):
        EVENTS.append("teardown fancy")
        super().tearDown()

    def test_env(self):
        self.assertEqual(os.environ["MF_KEPT"], "1")
        self.assertEqual(EVENTS[-2:], ["setup base", "setup fancy"])


class PlainTests(TestCase):
    def test_env(self):
        self.assertEqual(EVENTS[-1], "setup base")
