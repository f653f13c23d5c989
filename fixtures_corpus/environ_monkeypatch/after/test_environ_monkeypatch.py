import os
import unittest

import pytest


class SetsVariables(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _sets_variables_setup(self, monkeypatch):
        self.old_flag = os.environ.get("MF_CORPUS_FLAG")
        monkeypatch.setenv("MF_CORPUS_FLAG", "on")
        self.old_path = os.environ["PATH"]
        monkeypatch.setenv("PATH", f"/opt/mf-corpus/bin{os.pathsep}{self.old_path}")
        yield
        self.assertEqual(os.environ.get("MF_CORPUS_FLAG", "on"), "on")

    def test_flag_is_set(self):
        self.assertEqual(os.environ["MF_CORPUS_FLAG"], "on")

    def test_path_is_extended(self):
        self.assertTrue(os.environ["PATH"].startswith("/opt/mf-corpus/bin"))
        self.assertEqual(self.old_path, os.environ["PATH"].split(os.pathsep, 1)[1])

    def test_a_test_may_remove_it(self):
        del os.environ["MF_CORPUS_FLAG"]


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self.parent_ran = True
        yield
        # The child's restore ran before this, in unittest and as fixtures.
        self.assertNotEqual(os.environ.get("MF_CORPUS_MODE"), "child")


class TestChild(Base):
    @pytest.fixture(autouse=True)
    def _test_child_setup(self, _base_setup, monkeypatch):
        self.old_mode = os.environ.get("MF_CORPUS_MODE")
        monkeypatch.setenv("MF_CORPUS_MODE", "child")

    def test_mode(self):
        self.assertTrue(self.parent_ran)
        self.assertEqual(os.environ["MF_CORPUS_MODE"], "child")


class PointsAVariableAtATemporaryDirectory(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _points_a_variable_at_a_temporary_directory_setup(self, tmp_path, monkeypatch):
        self.home = str(tmp_path)
        self.old_home = os.environ.get("MF_CORPUS_HOME")
        monkeypatch.setenv("MF_CORPUS_HOME", self.home)

    def test_home(self):
        self.assertEqual(os.environ["MF_CORPUS_HOME"], self.home)
        self.assertTrue(os.path.isdir(self.home))


class TestZAfterwards(unittest.TestCase):
    def test_nothing_leaked(self):
        self.assertNotIn("MF_CORPUS_FLAG", os.environ)
        self.assertNotIn("MF_CORPUS_MODE", os.environ)
        self.assertNotIn("MF_CORPUS_HOME", os.environ)
        self.assertNotIn("/opt/mf-corpus/bin", os.environ["PATH"])
