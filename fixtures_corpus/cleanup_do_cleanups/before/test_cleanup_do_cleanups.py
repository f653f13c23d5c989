import unittest


class RunsCleanupsEarly(unittest.TestCase):
    def setUp(self):
        self.log = []
        self.addCleanup(self.log.append, "early")
        self.doCleanups()
        self.addCleanup(self.check)
        self.addCleanup(self.log.append, "late")

    def check(self):
        assert self.log == ["early", "late"], self.log

    def test_early_ran(self):
        self.assertEqual(self.log, ["early"])
