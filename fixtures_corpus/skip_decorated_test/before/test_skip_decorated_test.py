import unittest


class SomeSkipped(unittest.TestCase):
    def setUp(self):
        self.ready = True

    @unittest.skip("not supported")
    def test_skipped(self):
        self.fail("never runs")

    @unittest.skipIf(True, "condition holds")
    def test_skipped_if(self):
        self.fail("never runs")

    def test_runs(self):
        self.assertTrue(self.ready)


@unittest.skip("whole class skipped")
class AllSkipped(unittest.TestCase):
    def setUp(self):
        raise AssertionError("a skipped class never runs setUp")

    def test_one(self):
        pass
