import abc
import unittest

from markdeco import marks
from markdeco.marks import EVENTS, logged, tag


class Base(unittest.TestCase):
    def setUp(self):
        EVENTS.append("base setUp")
        self.ready = True

    def tearDown(self):
        EVENTS.append("base tearDown")


@marks.slow
class SlowTests(Base):
    def setUp(self):
        super().setUp()
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

    def setUp(self):
        super().setUp()
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
    def test_logged(self):
        self.assertTrue(self.ready)
        self.assertEqual(EVENTS[-2:], ["run starts", "base setUp"])
