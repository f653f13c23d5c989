import contextlib
import unittest

import pytest


class LoggingCatcher(object):
    @pytest.fixture(autouse=True)
    def _logging_catcher_setup(self, _logging_catcher_next):
        self.torn = False
        self.log = []
        yield
        self.torn = True


class BaseCase(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_case_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self.base_ready = True
            yield


class FakeDistsMixin(object):
    @pytest.fixture(autouse=True)
    def _fake_dists_mixin_setup(self, _fake_dists_mixin_next):
        self.dists = ["a", "b"]
        self.addCleanup(self.check_after_teardowns)

    def check_after_teardowns(self):
        # unittest runs cleanups after every tearDown: LoggingCatcher's has run by now
        if isinstance(self, LoggingCatcher) and not self.torn:
            raise RuntimeError("a cleanup ran before LoggingCatcher.tearDown")


class CommonDistributionTests(FakeDistsMixin):
    def test_dists(self):
        self.assertEqual(self.dists, ["a", "b"])
        self.assertTrue(self.base_ready)


class TestDistribution(CommonDistributionTests, BaseCase):
    @pytest.fixture
    def _fake_dists_mixin_next(self, _base_case_setup):
        """FakeDistsMixin's super() calls reach BaseCase here."""


class TestEggInfoDistribution(CommonDistributionTests, LoggingCatcher, BaseCase):
    @pytest.fixture
    def _fake_dists_mixin_next(self, _logging_catcher_setup):
        """FakeDistsMixin's super() calls reach LoggingCatcher here."""

    @pytest.fixture
    def _logging_catcher_next(self, _base_case_setup):
        """LoggingCatcher's super() calls reach BaseCase here."""

    def test_log(self):
        self.assertEqual(self.log, [])


class TestDatabase(LoggingCatcher, FakeDistsMixin, BaseCase):
    @pytest.fixture
    def _fake_dists_mixin_next(self, _base_case_setup):
        """FakeDistsMixin's super() calls reach BaseCase here."""

    @pytest.fixture
    def _logging_catcher_next(self, _fake_dists_mixin_setup):
        """LoggingCatcher's super() calls reach FakeDistsMixin here."""

    def test_database(self):
        self.assertEqual(len(self.dists), 2)
