import unittest

EVENTS = []


class namespace:
    """Helpers reached as attributes of this class."""

    class CheckAsserts:
        def assertEven(self, number):
            self.assertEqual(number % 2, 0)

    class WithSetUp:
        def setUp(self):
            EVENTS.append("nested setUp")
            super().setUp()

    class Rebound:
        def helper(self):
            return "class"

    Rebound = unittest.TestCase


class TestNamespaceUnused(unittest.TestCase):
    def test_namespace(self):
        self.assertTrue(hasattr(namespace, "CheckAsserts"))
