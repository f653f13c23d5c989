import unittest


class Registry(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.owner = cls.__name__

    def test_owner(self):
        self.assertEqual(self.owner, type(self).__name__)


class SubRegistry(Registry):
    pass
