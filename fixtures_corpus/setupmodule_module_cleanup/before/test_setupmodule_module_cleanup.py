import unittest

LOG = []


def check():
    assert LOG == ["tearDownModule", "cleanup"], LOG


def setUpModule():
    unittest.addModuleCleanup(check)
    unittest.addModuleCleanup(LOG.append, "cleanup")


def tearDownModule():
    LOG.append("tearDownModule")


class Anything(unittest.TestCase):
    def test_log_empty(self):
        self.assertEqual(LOG, [])
