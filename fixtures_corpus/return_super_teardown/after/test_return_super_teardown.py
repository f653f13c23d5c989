import unittest

import pytest


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()
        yield
        self._base_tear_down()

    def _base_set_up(self):
        self.log = ["base"]

    def _base_tear_down(self):
        # The subclass's tearDown ran first.
        assert self.log[-1].endswith(" down"), self.log
        self.log.append("base down")


class Child(Base):
    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _child_setup(self):
        self._child_set_up()
        yield
        self._child_tear_down()

    def _child_set_up(self):
        self._base_set_up()
        self.log.append("child")

    def _child_tear_down(self):
        self.log.append("child down")
        return self._base_tear_down()

    def test_log(self):
        self.assertEqual(self.log, ["base", "child"])


class Early(Base):
    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _early_setup(self):
        self._base_set_up()
        yield
        self._early_tear_down()

    def _early_tear_down(self):
        if len(self.log) > 1:
            self.log.append("early exit down")
            return self._base_tear_down()
        self.log.append("early down")
        return self._base_tear_down()

    def test_early(self):
        self.assertEqual(self.log, ["base"])

    def test_more(self):
        self.log.append("more")


class Plain(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _plain_setup(self):
        self.ready = True
        yield
        self.ready = False

    def test_ready(self):
        self.assertTrue(self.ready)
