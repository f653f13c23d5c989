import sys
import unittest

SETUPS = []


class SomeSkipped(unittest.TestCase):
    def setUp(self):
        SETUPS.append(self._testMethodName)

    @unittest.skip("not supported")
    def test_skipped(self):
        self.fail("never runs")

    @unittest.skipIf(sys.maxsize > 0, "condition holds")
    def test_skipped_if(self):
        self.fail("never runs")

    @unittest.skipUnless(sys.maxsize < 0 or False, reason="condition does not hold")
    def test_skipped_unless(self):
        self.fail("never runs")

    def test_runs(self):
        # unittest never calls setUp for a decorator-skipped test
        self.assertEqual(SETUPS, [self._testMethodName])


@unittest.skip("whole class skipped")
class AllSkipped(unittest.TestCase):
    def setUp(self):
        raise AssertionError("a skipped class never runs setUp")

    def test_one(self):
        pass
