import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.resource = ["open"]
        self.setups = getattr(self, "setups", 0) + 1

    def tearDown(self):
        self.resource.clear()


class Restarts(Base):
    def test_restart(self):
        self.resource.append("used")
        self.tearDown()
        self.setUp()
        self.assertEqual(self.resource, ["open"])
        self.assertEqual(self.setups, 2)

    def test_setup_again(self):
        super().setUp()
        self.assertEqual(self.setups, 2)


class Child(Base):
    def setUp(self):
        super().setUp()
        self.child = True

    def test_child_again(self):
        self.child = False
        self.setUp()
        self.assertTrue(self.child)
        self.assertEqual(self.setups, 2)


class Plain(unittest.TestCase):
    def test_testcase_noop(self):
        super().setUp()  # TestCase's own setUp: nothing to point elsewhere
        self.assertTrue(True)


class Again:
    """A mixin of tests: its super().setUp() reaches Base's in every class that uses it."""

    def test_mixin_setup_again(self):
        super().setUp()
        self.assertEqual(self.setups, 2)


class UsesAgain(Again, Base):
    pass
