import unittest

EVENTS = []


def traced(cls):
    """A decorator the tool does not read: the class has no setUp of its own, so unittest
    runs Base's inside whatever it does (it stays so)."""
    EVENTS.append(f"decorated {cls.__name__}")
    return cls


class Base(unittest.TestCase):
    def setUp(self):
        EVENTS.append("setup base")


class Plain(Base):
    def test_plain(self):
        self.assertEqual(EVENTS[-1], "setup base")


@traced
class Bare(Base):
    def test_bare(self):
        self.assertEqual(EVENTS[-1], "setup base")
