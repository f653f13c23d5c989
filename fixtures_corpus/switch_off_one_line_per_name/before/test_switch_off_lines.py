import unittest


class DatabaseConnectionFixtureBase(unittest.TestCase):
    def setUp(self):
        self.connection = "database"


class AuthenticatedDatabaseFixtureBase(DatabaseConnectionFixtureBase):
    def setUp(self):
        super().setUp()
        self.user = "admin"


class TestWithoutAnyDatabaseOrUser(AuthenticatedDatabaseFixtureBase):
    # Overrides the whole chain: neither parent setUp runs.
    def setUp(self):
        self.alone = True

    def test_nothing_else_ran(self):
        self.assertTrue(self.alone)
        self.assertFalse(hasattr(self, "connection"))
        self.assertFalse(hasattr(self, "user"))


class TestWithDatabaseAndUser(AuthenticatedDatabaseFixtureBase):
    def test_both_ran(self):
        self.assertEqual((self.connection, self.user), ("database", "admin"))
