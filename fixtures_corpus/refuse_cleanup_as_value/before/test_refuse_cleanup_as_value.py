import unittest


class StoresRegistrar(unittest.TestCase):
    def setUp(self):
        self.register = self.addCleanup
        self.log = []

    def test_register(self):
        self.register(self.log.append, "x")
        self.assertEqual(self.log, [])
