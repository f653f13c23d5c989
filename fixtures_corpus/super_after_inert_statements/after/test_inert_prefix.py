import functools
import unittest

import pytest

EVENTS = []


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()
        yield
        self._base_tear_down()

    def _base_set_up(self):
        EVENTS.append("base setUp")
        self.values = [1, 2, 3]

    def _base_tear_down(self):
        EVENTS.append("base tearDown")


class TestInertPrefix(Base):
    @pytest.fixture(autouse=True)
    def _test_inert_prefix_setup(self, _base_setup):
        """A helper and a constant before the parent call: they bind locals only."""

        def doubled(values, factor=2):
            return [v * factor for v in values]

        limit = 2
        EVENTS.append("child setUp")
        self.doubled = doubled(self.values)[:limit]
        yield
        done = True  # noqa: F841

    def test_doubled(self):
        self.assertEqual(self.doubled, [2, 4])
        self.assertEqual(EVENTS[-2:], ["base setUp", "child setUp"])


class TestDecoratedPrefix(Base):
    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _test_decorated_prefix_setup(self):
        self._test_decorated_prefix_set_up()
        yield
        self._base_tear_down()

    def _test_decorated_prefix_set_up(self):
        # A decorated def runs its decorator before the parent's setUp: not inert.
        @functools.lru_cache(maxsize=None)
        def first():
            EVENTS.append("helper")
            return self.values[0]

        self._base_set_up()
        self.first = first()

    def test_first(self):
        self.assertEqual(self.first, 1)
        self.assertEqual(EVENTS[-2:], ["base setUp", "helper"])
