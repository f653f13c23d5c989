import unittest

TRACE = []


def setUpModule():
    TRACE.append("module")


def tearDownModule():
    TRACE.append("module-down")


class Levels(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        TRACE.append("class")

    def setUp(self):
        TRACE.append("function")

    def test_nesting(self):
        self.assertEqual(TRACE[:3], ["module", "class", "function"])
