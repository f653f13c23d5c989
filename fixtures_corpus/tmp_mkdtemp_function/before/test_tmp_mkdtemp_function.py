import os
import shutil
import tempfile
import unittest


class WritesFiles(unittest.TestCase):
    def setUp(self):
        self.tmpdir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmpdir)

    def test_str_path_and_empty(self):
        self.assertIsInstance(self.tmpdir, str)
        self.assertEqual(os.listdir(self.tmpdir), [])
        with open(self.tmpdir + "/data.txt", "w") as handle:
            handle.write("x")

    def test_each_test_gets_its_own(self):
        self.assertEqual(os.listdir(self.tmpdir), [])


class KeepsItsPrefix(unittest.TestCase):
    # The name carries a prefix a test may check: tmp_path's own name would lose it.
    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="writes-")

    def tearDown(self):
        shutil.rmtree(self.tmpdir)

    def test_prefix(self):
        self.assertTrue(os.path.basename(self.tmpdir).startswith("writes-"))
        self.assertEqual(os.listdir(self.tmpdir), [])
