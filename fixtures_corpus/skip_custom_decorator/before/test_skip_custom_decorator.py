import unittest


def skip_if_missing(func):
    """Marks the test skipped at import time, as helper decorators in real suites do."""
    return unittest.skip("dependency missing")(func)


class Guarded(unittest.TestCase):
    def setUp(self):
        self.ready = True

    def tearDown(self):
        del self.ready

    @skip_if_missing
    def test_never_sets_up(self):
        raise AssertionError("a skipped test never runs")

    def test_runs(self):
        self.assertTrue(self.ready)


class Exploding(unittest.TestCase):
    def setUp(self):
        raise RuntimeError("setUp must not run for a skipped test")

    @skip_if_missing
    def test_skipped_before_setup(self):
        pass
