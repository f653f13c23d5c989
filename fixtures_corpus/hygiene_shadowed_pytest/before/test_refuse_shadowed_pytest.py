import unittest

pytest = "not the pytest module"


class Shadowed(unittest.TestCase):
    def setUp(self):
        self.name = pytest

    def test_name(self):
        self.assertEqual(self.name, "not the pytest module")
