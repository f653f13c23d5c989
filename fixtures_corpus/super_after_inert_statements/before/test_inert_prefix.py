import functools
import unittest

EVENTS = []


class Base(unittest.TestCase):
    def setUp(self):
        EVENTS.append("base setUp")
        self.values = [1, 2, 3]

    def tearDown(self):
        EVENTS.append("base tearDown")


class TestInertPrefix(Base):
    def setUp(self):
        """A helper and a constant before the parent call: they bind locals only."""

        def doubled(values, factor=2):
            return [v * factor for v in values]

        limit = 2
        super().setUp()
        EVENTS.append("child setUp")
        self.doubled = doubled(self.values)[:limit]

    def tearDown(self):
        super().tearDown()
        done = True  # noqa: F841

    def test_doubled(self):
        self.assertEqual(self.doubled, [2, 4])
        self.assertEqual(EVENTS[-2:], ["base setUp", "child setUp"])


class TestDecoratedPrefix(Base):
    def setUp(self):
        # A decorated def runs its decorator before the parent's setUp: not inert.
        @functools.lru_cache(maxsize=None)
        def first():
            EVENTS.append("helper")
            return self.values[0]

        super().setUp()
        self.first = first()

    def test_first(self):
        self.assertEqual(self.first, 1)
        self.assertEqual(EVENTS[-2:], ["base setUp", "helper"])
