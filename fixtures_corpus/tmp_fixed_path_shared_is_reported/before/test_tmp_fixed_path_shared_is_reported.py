import os
import unittest

SHARED = "/tmp/mf_corpus_shared_report.txt"


class UsesSharedPath(unittest.TestCase):
    def setUp(self):
        self.path = "/tmp/mf_corpus_shared_report.txt"

    def test_same_as_module_constant(self):
        self.assertEqual(self.path, SHARED)
        self.assertFalse(os.path.isdir(self.path))
