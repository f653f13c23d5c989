import unittest

import pytest


class Base(unittest.TestCase):
    expected = ["base.setUp"]

    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()
        yield
        self._base_tear_down()

    def _base_set_up(self):
        self.log = ["base.setUp"]

    def _base_tear_down(self):
        # Runs for every class below: the log says which setups ran before it.
        self.assertEqual(self.log, self.expected + ["test"])

    def test_base(self):
        self.log.append("test")


class OwnSetUpInheritedTearDown(Base):
    """setUp without super(): Base.setUp must not run, Base.tearDown still does."""

    expected = ["own.setUp"]

    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _own_set_up_inherited_tear_down_setup(self):
        self._own_set_up_inherited_tear_down_set_up()
        yield
        self._base_tear_down()

    def _own_set_up_inherited_tear_down_set_up(self):
        self.log = ["own.setUp"]


class OwnTearDownInheritedSetUp(Base):
    """tearDown without super(): Base.setUp runs, Base.tearDown does not."""

    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _own_tear_down_inherited_set_up_setup(self):
        self._base_set_up()
        yield
        self._own_tear_down_inherited_set_up_tear_down()

    def _own_tear_down_inherited_set_up_tear_down(self):
        self.assertEqual(self.log, ["base.setUp", "test"])
        self.log.append("own.tearDown")


class SuperInTheMiddle(Base):
    expected = ["before", "base.setUp", "after"]

    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _super_in_the_middle_setup(self):
        self._super_in_the_middle_set_up()
        yield
        self._base_tear_down()

    def _super_in_the_middle_set_up(self):
        self.first = "before"
        self._base_set_up()
        self.log = [self.first, *self.log, "after"]


class GrandChild(OwnSetUpInheritedTearDown):
    expected = ["grand.setUp", "own.setUp"]

    @pytest.fixture(autouse=True)
    def _grand_child_setup(self, _own_set_up_inherited_tear_down_setup):
        self.log.insert(0, "grand.setUp")
