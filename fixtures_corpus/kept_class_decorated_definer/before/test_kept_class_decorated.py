import unittest

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
    def setUp(self):
        EVENTS.append("setup base")

    def tearDown(self):
        EVENTS.append("teardown base")


@attr(slow=True)
class Tagged(Base):
    def setUp(self):
        super().setUp()
        EVENTS.append("setup tagged")

    def test_tagged(self):
        self.assertTrue(self.slow)
        self.assertEqual(EVENTS[-2:], ["setup base", "setup tagged"])


@registered
class Traced(Base):
    def setUp(self):
        super().setUp()
        EVENTS.append("setup traced")

    def test_traced(self):
        self.assertEqual(EVENTS[-2:], ["setup base", "setup traced"])
        self.assertIn("Traced", REGISTRY)


class Plain(Base):
    def test_plain(self):
        self.assertEqual(EVENTS[-1], "setup base")
