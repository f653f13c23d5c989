import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.log = ["base"]
        self.done = False

    def tearDown(self):
        # unittest runs no tearDown after a setUp that skipped, not even this one.
        assert self.done, "tearDown after a skipped setUp"


class Child(Base):
    skip = True

    def setUp(self):
        super().setUp()
        if self.skip:
            self.skipTest("not on this platform")
        self.log.append("child")
        self.done = True

    def test_log(self):
        self.assertEqual(self.log, ["base", "child"])


class Runs(Child):
    skip = False
