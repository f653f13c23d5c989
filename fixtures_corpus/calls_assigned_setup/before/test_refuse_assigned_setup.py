import unittest


def prepare(self):
    self.prepared = True


class Assigned(unittest.TestCase):
    setUp = prepare

    def test_prepared(self):
        self.assertTrue(self.prepared)
