import unittest


def record(log, item, *, suffix=""):
    log.append(item + suffix)


class CleanupTests(unittest.TestCase):
    def setUp(self):
        self.log = []
        self.addCleanup(self.check)
        self.addCleanup(record, self.log, "first", suffix="!")
        self.addCleanup(record, self.log, "second")

    def check(self):
        # registered first, so it runs last
        assert self.log == ["teardown", "second", "first!"], self.log

    def tearDown(self):
        self.log.append("teardown")

    def test_nothing_ran_yet(self):
        self.assertEqual(self.log, [])
