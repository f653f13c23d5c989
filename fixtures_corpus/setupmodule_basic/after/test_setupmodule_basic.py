import unittest

import pytest

DATABASE = None
SETUPS = []


@pytest.fixture(scope="module", autouse=True)
def _module_setup():
    global DATABASE
    DATABASE = {"rows": 3}
    SETUPS.append("module")
    yield
    DATABASE.clear()


class UsesDatabase(unittest.TestCase):
    def test_rows(self):
        self.assertEqual(DATABASE["rows"], 3)

    def test_once(self):
        self.assertEqual(SETUPS, ["module"])
