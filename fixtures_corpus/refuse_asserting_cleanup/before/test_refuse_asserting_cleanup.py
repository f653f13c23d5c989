import logging
import unittest


class NoLogs(unittest.TestCase):
    """The check that fails a test that logs: unittest reports it as the test's failure."""

    def setUp(self):
        self.enterContext(self.assertNoLogs())

    def test_quiet(self):
        self.assertEqual(1 + 1, 2)


class ChecksAfterwards(unittest.TestCase):
    def setUp(self):
        self.items = []
        self.addCleanup(self.assertEqual, self.items, [])

    def test_leaves_nothing(self):
        self.items.append(1)
        self.items.pop()


class Fine(unittest.TestCase):
    def setUp(self):
        self.logger = logging.getLogger("fine")
        self.addCleanup(self.logger.info, "done")

    def test_fine(self):
        self.assertEqual(self.logger.name, "fine")
