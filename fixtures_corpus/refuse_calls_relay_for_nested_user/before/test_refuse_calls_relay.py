import functools
import unittest


def traced(func):
    @functools.wraps(func)
    def wrapped(self):
        self.trace = [*getattr(self, "trace", []), func.__name__]
        return func(self)

    return wrapped


class Base(unittest.TestCase):
    def setUp(self):
        self.steps = ["base"]


class Mixin:
    @traced
    def setUp(self):
        super().setUp()
        self.steps = [*getattr(self, "steps", []), "mixin"]


class MixedTests(Mixin, Base):
    def test_steps(self):
        self.assertEqual(self.steps, ["base", "mixin"])
        self.assertEqual(self.trace, ["setUp"])


def make_plain():
    """A nested user of Mixin whose successor differs: it cannot get a relay method."""

    class Plain(Mixin, unittest.TestCase):
        def test_steps(self):
            self.assertEqual(self.steps, ["mixin"])

    return Plain


PlainTests = make_plain()
