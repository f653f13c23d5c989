"""Class decorators that return the class itself."""

import unittest


def slow(cls):
    """Marks nothing: the suite's stand-in for a test runner's mark."""
    return cls


def tag(cls):
    cls.tagged = True
    cls.speed = "slow"
    return cls


def _logged_run(self, result=None):
    EVENTS.append("run starts")
    try:
        return unittest.TestCase.run(self, result)
    finally:
        EVENTS.append("run ends")


def logged(cls):
    cls.run = _logged_run
    return cls


EVENTS: list[str] = []
