import unittest

import pytest

EVENTS = []


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        EVENTS.append("setup base")
        yield
        EVENTS.append("teardown base")


class Pipe(Base):
    @pytest.fixture(autouse=True)
    def _pipe_setup(self, _base_setup):
        EVENTS.append("setup pipe")
        yield
        EVENTS.append("teardown pipe")

    def test_order(self):
        self.assertEqual(EVENTS[-2:], ["setup base", "setup pipe"])
