import unittest

DATABASE = None
SETUPS = []


def setUpModule():
    global DATABASE
    DATABASE = {"rows": 3}
    SETUPS.append("module")


def tearDownModule():
    DATABASE.clear()


class UsesDatabase(unittest.TestCase):
    def test_rows(self):
        self.assertEqual(DATABASE["rows"], 3)

    def test_once(self):
        self.assertEqual(SETUPS, ["module"])
