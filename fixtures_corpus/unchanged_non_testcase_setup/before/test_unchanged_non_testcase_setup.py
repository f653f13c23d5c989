import unittest


class Helper:
    def setUp(self):
        self.helper_ready = True
        return self


class UsesHelper(unittest.TestCase):
    def test_helper(self):
        self.assertTrue(Helper().setUp().helper_ready)
