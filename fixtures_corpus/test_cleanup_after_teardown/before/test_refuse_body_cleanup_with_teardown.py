import unittest


class OrderMatters(unittest.TestCase):
    def setUp(self):
        self.log = []

    def tearDown(self):
        self.log.append("teardown")

    def test_cleanup_after_teardown(self):
        self.addCleanup(self.check)

    def check(self):
        assert self.log == ["teardown"], self.log
