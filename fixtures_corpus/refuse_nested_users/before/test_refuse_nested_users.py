import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.steps = ["base"]

    def tearDown(self):
        self.steps.append("base-down")


def make_nested():
    """A subclass nested in a function inherits Base's fixture, and keeps its own setUp."""

    class Nested(Base):
        def setUp(self):
            super().setUp()
            self.steps.append("nested")

        def test_steps(self):
            self.assertEqual(self.steps, ["base", "nested"])

    return Nested


NestedTests = make_nested()


class Mixin:
    def setUp(self):
        super().setUp()
        self.steps = [*getattr(self, "steps", []), "mixin"]


class MixedTests(Mixin, Base):
    def test_steps(self):
        self.assertEqual(self.steps, ["base", "mixin"])


def make_plain():
    """A nested user of Mixin whose successor differs: it cannot get a relay fixture."""

    class Plain(Mixin, unittest.TestCase):
        def test_steps(self):
            self.assertEqual(self.steps, ["mixin"])

    return Plain


PlainTests = make_plain()
