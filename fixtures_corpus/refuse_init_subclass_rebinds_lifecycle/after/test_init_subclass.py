import functools
import unittest

import pytest

EVENTS = []


def traced(method):
    @functools.wraps(method)
    def wrapper(self):
        EVENTS.append(f"before {method.__name__}")
        method(self)

    return wrapper


class Traced(unittest.TestCase):
    """Every subclass's setUp and tearDown are wrapped when its class statement runs."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in ("setUp", "tearDown"):
            if name in vars(cls):
                setattr(cls, name, traced(vars(cls)[name]))

    def setUp(self):
        self.base = True


class Child(Traced):
    def setUp(self):
        super().setUp()
        self.child = True

    def test_traced(self):
        self.assertTrue(self.base and self.child)
        self.assertEqual(EVENTS[-1], "before setUp")


class Plain(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _plain_setup(self):
        self.plain = True

    def test_plain(self):
        self.assertTrue(self.plain)
