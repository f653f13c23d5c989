import unittest


class TempBase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.created = [cls.__name__]

    def setUp(self):
        self.ready = True
