import unittest


class Checks(unittest.TestCase):
    @unittest.skip("not on this platform")
    def test_skipped(self):
        raise AssertionError("never runs")

    def test_ok(self):
        self.assertTrue(True)


class WithClassSetup(Checks):
    # Its inherited skip stays unittest's: a pytest mark would skip before setUpClass.
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ready = True


class WithSetup(Checks):
    # unittest skips test_skipped before setUp: the fixture must not run its setup either.
    def setUp(self):
        if self._testMethodName == "test_skipped":
            raise RuntimeError("setUp ran for a skipped test")
        self.value = 1

    def tearDown(self):
        self.value = None
