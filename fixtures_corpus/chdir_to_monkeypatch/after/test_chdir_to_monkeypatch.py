import os
import unittest

import pytest

START = os.getcwd()


class WorksInADirectory(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _works_in_a_directory_setup(self, tmp_path, monkeypatch):
        self.workdir = str(tmp_path)
        self.old_cwd = os.getcwd()
        monkeypatch.chdir(self.workdir)

    def test_relative_write_lands_in_workdir(self):
        with open("out.txt", "w") as handle:
            handle.write("x")
        self.assertTrue(os.path.exists(os.path.join(self.workdir, "out.txt")))

    def test_cwd_is_the_workdir(self):
        self.assertEqual(os.path.realpath(os.getcwd()), os.path.realpath(self.workdir))


class RestoredAfterwards(unittest.TestCase):
    def test_cwd_restored(self):
        self.assertEqual(os.getcwd(), START)
