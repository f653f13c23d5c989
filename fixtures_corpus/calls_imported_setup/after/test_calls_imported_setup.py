import unittest

import pytest

from imported_lifecycle_helpers import EVENTS


class ImportedHooks(unittest.TestCase):
    """unittest calls self.setUp(): the imported function, bound to the test."""

    @pytest.fixture(autouse=True)
    def _imported_hooks_setup(self):
        self._imported_hooks_set_up()
        yield
        self._imported_hooks_tear_down()

    from imported_lifecycle_helpers import setUp as _imported_hooks_set_up
    from imported_lifecycle_helpers import tearDown as _imported_hooks_tear_down

    def test_setup_got_the_test(self):
        self.assertEqual(EVENTS[-1], ("setUp", "ImportedHooks"))


class SameFunctionTwice(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _same_function_twice_setup(self):
        self._same_function_twice_set_up()
        yield
        self._same_function_twice_tear_down()

    def _same_function_twice_set_up(self):
        self.calls = getattr(self, "calls", 0) + 1

    _same_function_twice_tear_down = _same_function_twice_set_up

    def test_once_before(self):
        self.assertEqual(self.calls, 1)


def tearDown(test):
    test.torn_down_by_module_function = True


class ClassNameReadsModuleFunction(unittest.TestCase):
    """``tearDown = tearDown`` reads the module's function (the class has no tearDown yet)."""

    @pytest.fixture(autouse=True)
    def _class_name_reads_module_function_setup(self):
        self._class_name_reads_module_function_set_up()
        yield
        self._class_name_reads_module_function_tear_down()

    def _class_name_reads_module_function_set_up(self):
        self.ready = True

    _class_name_reads_module_function_tear_down = tearDown

    def test_ready(self):
        self.assertTrue(self.ready)
