import os
import unittest

import pytest

SHARED = "/tmp/mf_corpus_shared_report.txt"


class UsesSharedPath(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _uses_shared_path_setup(self):
        self.path = "/tmp/mf_corpus_shared_report.txt"

    def test_same_as_module_constant(self):
        self.assertEqual(self.path, SHARED)
        self.assertFalse(os.path.isdir(self.path))
