import unittest

import pytest

EVENTS = []


def traced(cls):
    """A decorator the tool does not read."""
    EVENTS.append(f"decorated {cls.__name__}")
    return cls


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()

    def _base_set_up(self):
        EVENTS.append("setup base")


class Outcome:
    def tearDown(self):
        # unittest's run() state: only there while run() runs; this tearDown stays unittest's.
        self.failed = self._outcome is None
        super().tearDown()


class Plain(Base):
    def test_plain(self):
        self.assertEqual(EVENTS[-1], "setup base")


@traced
class Bare(Outcome, Base):
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _base_setup = None

    def test_bare(self):
        self.assertEqual(EVENTS[-1], "setup base")

    def setUp(self):
        self._base_set_up()
