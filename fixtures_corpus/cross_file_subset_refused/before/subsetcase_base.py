import unittest


class SubsetBase(unittest.TestCase):
    def setUp(self):
        self.base_ready = True
