import unittest


class Base(unittest.TestCase):
    expected = ["base.setUp"]

    def setUp(self):
        self.log = ["base.setUp"]

    def tearDown(self):
        # Runs for every class below: the log says which setups ran before it.
        self.assertEqual(self.log, self.expected + ["test"])

    def test_base(self):
        self.log.append("test")


class OwnSetUpInheritedTearDown(Base):
    """setUp without super(): Base.setUp must not run, Base.tearDown still does."""

    expected = ["own.setUp"]

    def setUp(self):
        self.log = ["own.setUp"]


class OwnTearDownInheritedSetUp(Base):
    """tearDown without super(): Base.setUp runs, Base.tearDown does not."""

    def tearDown(self):
        self.assertEqual(self.log, ["base.setUp", "test"])
        self.log.append("own.tearDown")


class SuperInTheMiddle(Base):
    expected = ["before", "base.setUp", "after"]

    def setUp(self):
        self.first = "before"
        super().setUp()
        self.log = [self.first, *self.log, "after"]


class GrandChild(OwnSetUpInheritedTearDown):
    expected = ["grand.setUp", "own.setUp"]

    def setUp(self):
        super().setUp()
        self.log.insert(0, "grand.setUp")
