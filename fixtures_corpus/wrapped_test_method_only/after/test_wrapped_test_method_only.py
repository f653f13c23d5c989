import unittest

import pytest

EVENTS = []


class Timed(unittest.TestCase):
    """Wraps the test method only: unittest calls setUp before and tearDown after it."""

    def _callTestMethod(self, method):
        EVENTS.append("wrapper start")
        try:
            method()
        finally:
            EVENTS.append("wrapper end")

    @pytest.fixture(autouse=True)
    def _timed_setup(self):
        EVENTS.clear()
        EVENTS.append("setUp")
        yield
        EVENTS.append("tearDown")
        assert EVENTS == ["setUp", "wrapper start", "test", "wrapper end", "tearDown"], EVENTS


class TimedChild(Timed):
    def test_order(self):
        EVENTS.append("test")
        self.assertEqual(EVENTS, ["setUp", "wrapper start", "test"])


class Wrapped(unittest.TestCase):
    """Overrides run: setUp runs inside it, so the class stays as it is."""

    def run(self, result=None):
        EVENTS.append("run")
        return super().run(result)

    def setUp(self):
        self.ran = EVENTS[-1]

    def test_inside_run(self):
        self.assertEqual(self.ran, "run")
