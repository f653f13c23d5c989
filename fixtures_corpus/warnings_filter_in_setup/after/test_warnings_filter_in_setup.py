import unittest
import warnings

import pytest


class WarningsAreErrors(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _warnings_are_errors_setup(self):
        self.guard = warnings.catch_warnings()
        self.guard.__enter__()
        warnings.simplefilter("error")
        yield
        self.guard.__exit__(None, None, None)

    def test_warning_raises(self):
        with self.assertRaises(UserWarning):
            warnings.warn("becomes an error", UserWarning)


class FilterWithoutGuard(unittest.TestCase):
    """The filter is set with no catch_warnings of its own: pytest's, around each test,
    takes it out again after the test, before and after the rewrite."""

    @pytest.fixture(autouse=True)
    def _filter_without_guard_setup(self):
        warnings.filterwarnings("error", message="strict")

    def test_strict_is_error(self):
        with self.assertRaises(UserWarning):
            warnings.warn("strict", UserWarning)

    def test_lenient_is_not(self):
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            warnings.warn("lenient", UserWarning)
        self.assertEqual(len(seen), 1)


class AfterFilters(unittest.TestCase):
    def test_no_filter_left_behind(self):
        strict = [f for f in warnings.filters if f[1] is not None and f[1].pattern == "strict"]
        self.assertEqual(strict, [])
