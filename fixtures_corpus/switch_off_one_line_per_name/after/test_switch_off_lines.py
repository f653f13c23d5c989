import unittest

import pytest


class DatabaseConnectionFixtureBase(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _database_connection_fixture_base_setup(self):
        self.connection = "database"


class AuthenticatedDatabaseFixtureBase(DatabaseConnectionFixtureBase):
    @pytest.fixture(autouse=True)
    def _authenticated_database_fixture_base_setup(self, _database_connection_fixture_base_setup):
        self.user = "admin"


class TestWithoutAnyDatabaseOrUser(AuthenticatedDatabaseFixtureBase):
    # setUp does not call super(): the parent fixtures must not run.
    _authenticated_database_fixture_base_setup = None
    _database_connection_fixture_base_setup = None
    # Overrides the whole chain: neither parent setUp runs.
    @pytest.fixture(autouse=True)
    def _test_without_any_database_or_user_setup(self):
        self.alone = True

    def test_nothing_else_ran(self):
        self.assertTrue(self.alone)
        self.assertFalse(hasattr(self, "connection"))
        self.assertFalse(hasattr(self, "user"))


class TestWithDatabaseAndUser(AuthenticatedDatabaseFixtureBase):
    def test_both_ran(self):
        self.assertEqual((self.connection, self.user), ("database", "admin"))
