import unittest

import pytest

EVENTS = []


def abstract_base_test(cls):
    """Returns a subclass that skips the decorated class itself, not its subclasses."""

    class AbstractBaseWrapper(cls):
        @classmethod
        def setUpClass(cls):
            if cls is AbstractBaseWrapper:
                raise unittest.SkipTest("abstract base test")
            super().setUpClass()

    return AbstractBaseWrapper


def replaces_setup(cls):
    class Replaced(cls):
        def setUp(self):
            EVENTS.append("replaced setUp")

    return Replaced


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self.base = True
        yield
        EVENTS.append("base tearDown")


@abstract_base_test
class ShapeTests(Base):
    def test_shape(self):
        self.assertTrue(self.base)
        self.assertEqual(self.sides(), self.expected)


class SquareTests(ShapeTests):
    expected = 4

    def sides(self):
        return 4


class OtherBase(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _other_base_setup(self):
        self._other_base_set_up()

    def _other_base_set_up(self):
        self.other = True


class Other(OtherBase):
    def test_other(self):
        self.assertTrue(self.other)


@replaces_setup
class ReplacedTests(OtherBase):
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _other_base_setup = None

    def test_replaced(self):
        self.assertFalse(hasattr(self, "other"))

    def setUp(self):
        self._other_base_set_up()
