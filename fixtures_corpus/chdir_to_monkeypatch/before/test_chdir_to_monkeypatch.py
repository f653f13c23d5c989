import os
import shutil
import tempfile
import unittest

START = os.getcwd()


class WorksInADirectory(unittest.TestCase):
    def setUp(self):
        self.workdir = tempfile.mkdtemp()
        self.old_cwd = os.getcwd()
        os.chdir(self.workdir)

    def tearDown(self):
        shutil.rmtree(self.workdir)
        os.chdir(self.old_cwd)

    def test_relative_write_lands_in_workdir(self):
        with open("out.txt", "w") as handle:
            handle.write("x")
        self.assertTrue(os.path.exists(os.path.join(self.workdir, "out.txt")))

    def test_cwd_is_the_workdir(self):
        self.assertEqual(os.path.realpath(os.getcwd()), os.path.realpath(self.workdir))


class RestoredAfterwards(unittest.TestCase):
    def test_cwd_restored(self):
        self.assertEqual(os.getcwd(), START)
