import contextlib
import unittest

import pytest


class BasicTestCase(unittest.TestCase):
    """A tearDown that asks unittest whether the test failed (PyGithub's Framework)."""

    @pytest.fixture(autouse=True)
    def _basic_test_case_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self._basic_test_case_set_up()
            yield

    def _basic_test_case_set_up(self):
        self.events = ["basic setUp"]
        self.per_page = getattr(self, "per_page", 30)
        self.addCleanup(self.check_events)

    def set_per_page(self, value):
        self.per_page = value

    @property
    def this_test_failed(self):
        return not self._outcome.success  # None outside run(): AttributeError

    def tearDown(self):
        super().tearDown()
        self.events.append(f"basic tearDown failed={self.this_test_failed}")

    def check_events(self):
        # The last cleanup: unittest ran every tearDown and the test's cleanups before it.
        expected = ["basic setUp", "case setUp", *self.expected, "basic tearDown failed=False"]
        if self.events != expected + self.expected_cleanups:
            raise RuntimeError(f"lifecycle ran as {self.events}")

    expected = ()
    expected_cleanups = []


class TestCase(BasicTestCase):
    # The methods below call their parents' own: the parent fixtures must not run.
    _basic_test_case_setup = None

    @pytest.fixture(autouse=True)
    def _test_case_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self._test_case_set_up()
            yield

    def _test_case_set_up(self):
        self._basic_test_case_set_up()
        self.events.append("case setUp")
        self.client = {"per_page": self.per_page}


class TestPaged(TestCase):
    # The methods below call their parents' own: the parent fixtures must not run.
    _test_case_setup = _basic_test_case_setup = None

    @pytest.fixture(autouse=True)
    def _test_paged_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self._test_paged_set_up()
            yield

    def _test_paged_set_up(self):
        self.set_per_page(10)
        self._test_case_set_up()

    def test_per_page(self):
        self.assertEqual(self.client, {"per_page": 10})


class TestLogging(TestCase):
    expected = ("test", "logging tearDown")
    expected_cleanups = ["test cleanup"]

    @pytest.fixture(autouse=True)
    def _test_logging_setup(self, _test_case_setup):
        self.logged = []

    def tearDown(self):
        self.events.append("logging tearDown")
        super().tearDown()

    def test_default(self):
        self.events.append("test")
        self.addCleanup(self.events.append, "test cleanup")
        self.assertEqual(self.client, {"per_page": 30})
