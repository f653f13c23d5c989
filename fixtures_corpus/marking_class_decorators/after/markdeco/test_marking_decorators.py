import abc
import unittest

import pytest

from markdeco import marks
from markdeco.marks import EVENTS, logged, tag


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()
        yield
        self._base_tear_down()

    def _base_set_up(self):
        EVENTS.append("base setUp")
        self.ready = True

    def _base_tear_down(self):
        EVENTS.append("base tearDown")


@marks.slow
class SlowTests(Base):
    @pytest.fixture(autouse=True)
    def _slow_tests_setup(self, _base_setup):
        self.slow = True

    def test_slow(self):
        self.assertTrue(self.ready)
        self.assertTrue(self.slow)


@tag
class TaggedTests(Base):
    def test_tagged(self):
        self.assertTrue(self.ready)
        self.assertTrue(self.tagged)
        self.assertEqual(self.speed, "slow")


class AbstractChecks(Base, metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def value(self):
        raise NotImplementedError

    @pytest.fixture(autouse=True)
    def _abstract_checks_setup(self, _base_setup):
        self.checked = self.value()


class ConcreteChecks(AbstractChecks):
    def value(self):
        return 3

    def test_value(self):
        self.assertEqual(self.checked, 3)


class Meta(type):
    def __new__(mcs, name, bases, namespace):
        namespace.setdefault("built_by", "Meta")
        return super().__new__(mcs, name, bases, namespace)


class MetaBuilt(unittest.TestCase, metaclass=Meta):
    def setUp(self):
        self.value = self.built_by

    def test_meta(self):
        self.assertEqual(self.value, "Meta")


@logged
class Logged(Base):
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _base_setup = None

    def test_logged(self):
        self.assertTrue(self.ready)
        self.assertEqual(EVENTS[-2:], ["run starts", "base setUp"])

    def setUp(self):
        self._base_set_up()

    def tearDown(self):
        self._base_tear_down()
