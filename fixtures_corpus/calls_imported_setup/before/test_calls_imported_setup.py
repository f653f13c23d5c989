import unittest

from imported_lifecycle_helpers import EVENTS


class ImportedHooks(unittest.TestCase):
    """unittest calls self.setUp(): the imported function, bound to the test."""

    from imported_lifecycle_helpers import setUp
    from imported_lifecycle_helpers import tearDown

    def test_setup_got_the_test(self):
        self.assertEqual(EVENTS[-1], ("setUp", "ImportedHooks"))


class SameFunctionTwice(unittest.TestCase):
    def setUp(self):
        self.calls = getattr(self, "calls", 0) + 1

    tearDown = setUp

    def test_once_before(self):
        self.assertEqual(self.calls, 1)


def tearDown(test):
    test.torn_down_by_module_function = True


class ClassNameReadsModuleFunction(unittest.TestCase):
    """``tearDown = tearDown`` reads the module's function (the class has no tearDown yet)."""

    def setUp(self):
        self.ready = True

    tearDown = tearDown

    def test_ready(self):
        self.assertTrue(self.ready)
