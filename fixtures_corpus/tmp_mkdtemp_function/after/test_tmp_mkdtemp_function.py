import os
import shutil
import tempfile
import unittest

import pytest


class WritesFiles(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _writes_files_setup(self, tmp_path):
        self.tmpdir = str(tmp_path)

    def test_str_path_and_empty(self):
        self.assertIsInstance(self.tmpdir, str)
        self.assertEqual(os.listdir(self.tmpdir), [])
        with open(self.tmpdir + "/data.txt", "w") as handle:
            handle.write("x")

    def test_each_test_gets_its_own(self):
        self.assertEqual(os.listdir(self.tmpdir), [])


class KeepsItsPrefix(unittest.TestCase):
    # The name carries a prefix a test may check: tmp_path's own name would lose it.
    @pytest.fixture(autouse=True)
    def _keeps_its_prefix_setup(self, tmp_path):
        self.tmpdir = tempfile.mkdtemp(prefix="writes-", dir=tmp_path)
        yield
        shutil.rmtree(self.tmpdir)

    def test_prefix(self):
        self.assertTrue(os.path.basename(self.tmpdir).startswith("writes-"))
        self.assertEqual(os.listdir(self.tmpdir), [])
