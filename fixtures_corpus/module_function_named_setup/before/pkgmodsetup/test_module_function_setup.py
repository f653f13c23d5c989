import unittest

from pkgmodsetup import Registry, testing


class UsesTestingSetUp(unittest.TestCase):
    # testing.setUp() is a function of another module, not this class's setUp: converted.
    def setUp(self):
        self.state = testing.setUp()
        self.registry = Registry()

    def tearDown(self):
        testing.tearDown()

    def test_depth_is_one(self):
        self.assertEqual(self.state["depth"], 1)

    def test_registry_is_fresh(self):
        self.registry.items.append(1)
        self.assertEqual(self.registry.items, [1])


class CallsItsOwnSetUp(unittest.TestCase):
    # A class that reads its own setUp as a value is a real reference: refused (MF110).
    def setUp(self):
        self.count = getattr(self, "count", 0) + 1

    def test_again(self):
        again = self.setUp
        again()
        self.assertEqual(self.count, 2)
