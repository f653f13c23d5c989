import unittest


class LoggingCatcher(object):
    def setUp(self):
        super(LoggingCatcher, self).setUp()
        self.torn = False
        self.log = []

    def tearDown(self):
        self.torn = True
        super(LoggingCatcher, self).tearDown()


class BaseCase(unittest.TestCase):
    def setUp(self):
        self.base_ready = True


class FakeDistsMixin(object):
    def setUp(self):
        super(FakeDistsMixin, self).setUp()
        self.dists = ["a", "b"]
        self.addCleanup(self.check_after_teardowns)

    def check_after_teardowns(self):
        # unittest runs cleanups after every tearDown: LoggingCatcher's has run by now
        if isinstance(self, LoggingCatcher) and not self.torn:
            raise RuntimeError("a cleanup ran before LoggingCatcher.tearDown")


class CommonDistributionTests(FakeDistsMixin):
    def test_dists(self):
        self.assertEqual(self.dists, ["a", "b"])
        self.assertTrue(self.base_ready)


class TestDistribution(CommonDistributionTests, BaseCase):
    pass


class TestEggInfoDistribution(CommonDistributionTests, LoggingCatcher, BaseCase):
    def test_log(self):
        self.assertEqual(self.log, [])


class TestDatabase(LoggingCatcher, FakeDistsMixin, BaseCase):
    def test_database(self):
        self.assertEqual(len(self.dists), 2)
