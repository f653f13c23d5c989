import unittest

import pytest

EVENTS = []


def attr(**values):
    """Like nose's attr: sets attributes, returns the class."""

    def wrap(cls):
        for name, value in values.items():
            setattr(cls, name, value)
        return cls

    return wrap


REGISTRY = []


def registered(cls):
    """Registers the class somewhere, returns it."""
    REGISTRY.append(cls.__name__)
    return cls


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()
        yield
        self._base_tear_down()

    def _base_set_up(self):
        EVENTS.append("setup base")

    def _base_tear_down(self):
        EVENTS.append("teardown base")


@attr(slow=True)
class Tagged(Base):
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _base_setup = None

    def setUp(self):
        self._base_set_up()
        EVENTS.append("setup tagged")

    def test_tagged(self):
        self.assertTrue(self.slow)
        self.assertEqual(EVENTS[-2:], ["setup base", "setup tagged"])

    def tearDown(self):
        self._base_tear_down()


@registered
class Traced(Base):
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _base_setup = None

    def setUp(self):
        self._base_set_up()
        EVENTS.append("setup traced")

    def test_traced(self):
        self.assertEqual(EVENTS[-2:], ["setup base", "setup traced"])
        self.assertIn("Traced", REGISTRY)

    def tearDown(self):
        self._base_tear_down()


class Plain(Base):
    def test_plain(self):
        self.assertEqual(EVENTS[-1], "setup base")
