import sys
import unittest
from typing import Generic, TypeVar

if sys.version_info < (2, 7):  # the backport, on Pythons that lack its features
    import unittest2 as unittest

T = TypeVar("T")
TestCase = unittest.TestCase


class StoreTests(Generic[T]):
    """Tests shared by every store; a Generic mixin defines no lifecycle."""

    def make(self) -> T:
        raise NotImplementedError

    def test_round_trip(self):
        store = self.make()
        store["k"] = "v"
        self.assertEqual(store["k"], "v")
        self.assertEqual(self.events, ["base"])


class Base(TestCase):
    def setUp(self):
        self.events = ["base"]

    def tearDown(self):
        self.events.clear()


class DictStoreTests(StoreTests[dict], Base):
    def make(self) -> dict:
        return {}
