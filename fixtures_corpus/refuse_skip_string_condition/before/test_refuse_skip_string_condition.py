import unittest


class StringCondition(unittest.TestCase):
    def setUp(self):
        raise AssertionError("unittest never calls setUp for the skipped test")

    @unittest.skipIf("a non-empty string is true", "unittest tests the string's truth")
    def test_skipped(self):
        self.fail("never runs")
