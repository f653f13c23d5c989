import unittest


class ReuseTests(unittest.TestCase):
    def setUp(self):
        from . import test_table

        # Another test case's setUp, called on an object the tool cannot name: if
        # TableTests.setUp became a fixture, this call would run TestCase's no-op.
        self.table = test_table.TableTests()
        self.table.setUp()

    def test_list_lookup(self):
        rows = list(self.table.rows)
        self.table.check(lambda key: dict(rows)[key])
