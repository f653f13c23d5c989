import unittest

LOG = []


class RaisesSkip(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        assert LOG == ["cleanup"], LOG

    def setUp(self):
        self.addCleanup(LOG.append, "cleanup")
        raise unittest.SkipTest("not today")

    def test_skipped(self):
        self.fail("never runs")
