import unittest

import pytest

EVENTS = []


class Catcher(object):
    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _catcher_setup(self):
        self._catcher_set_up()
        yield
        self._catcher_tear_down()

    def _catcher_set_up(self):
        self._base_set_up()
        EVENTS.append((self.id(), "catcher setUp"))

    def _catcher_tear_down(self):
        EVENTS.append((self.id(), "catcher tearDown"))


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()

    def _base_set_up(self):
        EVENTS.append((self.id(), "base setUp"))

    def events(self):
        return [what for who, what in EVENTS if who == self.id()]


class Fake(object):
    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = _catcher_setup = None

    @pytest.fixture(autouse=True)
    def _fake_setup(self):
        self._fake_set_up()
        yield
        self._fake_next_tear_down()

    def _fake_set_up(self):
        self._fake_next_set_up()
        EVENTS.append((self.id(), "fake setUp"))


class Common(Fake):
    def test_common(self):
        self.assertIn("fake setUp", self.events())


class TestDist(Common, Base):
    # The methods below call their parents' own: the parent fixtures must not run.
    _fake_setup = _base_setup = None

    def _fake_next_set_up(self):
        """After Fake, setUp() reaches Base here."""
        self._base_set_up()

    def _fake_next_tear_down(self):
        """After Fake, tearDown() reaches unittest.TestCase here: nothing runs."""

    @pytest.fixture(autouse=True)
    def _test_dist_setup(self):
        self._test_dist_set_up()

    def _test_dist_set_up(self):
        EVENTS.append((self.id(), "dist before super"))
        self._fake_set_up()
        EVENTS.append((self.id(), "dist after super"))

    def test_order(self):
        self.assertEqual(
            self.events(),
            ["dist before super", "base setUp", "fake setUp", "dist after super"],
        )


class TestEgg(Common, Catcher, Base):
    def _fake_next_set_up(self):
        """After Fake, setUp() reaches Catcher here."""
        self._catcher_set_up()

    def _fake_next_tear_down(self):
        """After Fake, tearDown() reaches Catcher here."""
        self._catcher_tear_down()

    def test_order(self):
        self.assertEqual(self.events(), ["base setUp", "catcher setUp", "fake setUp"])
