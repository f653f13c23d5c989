import os
import shutil
import tempfile
import unittest


class SetsVariables(unittest.TestCase):
    def setUp(self):
        self.old_flag = os.environ.get("MF_CORPUS_FLAG")
        os.environ["MF_CORPUS_FLAG"] = "on"
        self.old_path = os.environ["PATH"]
        os.environ["PATH"] = f"/opt/mf-corpus/bin{os.pathsep}{self.old_path}"

    def tearDown(self):
        self.assertEqual(os.environ.get("MF_CORPUS_FLAG", "on"), "on")
        os.environ["PATH"] = self.old_path
        if self.old_flag is None:
            os.environ.pop("MF_CORPUS_FLAG", None)
        else:
            os.environ["MF_CORPUS_FLAG"] = self.old_flag

    def test_flag_is_set(self):
        self.assertEqual(os.environ["MF_CORPUS_FLAG"], "on")

    def test_path_is_extended(self):
        self.assertTrue(os.environ["PATH"].startswith("/opt/mf-corpus/bin"))
        self.assertEqual(self.old_path, os.environ["PATH"].split(os.pathsep, 1)[1])

    def test_a_test_may_remove_it(self):
        del os.environ["MF_CORPUS_FLAG"]


class Base(unittest.TestCase):
    def setUp(self):
        self.parent_ran = True

    def tearDown(self):
        # The child's restore ran before this, in unittest and as fixtures.
        self.assertNotEqual(os.environ.get("MF_CORPUS_MODE"), "child")


class TestChild(Base):
    def setUp(self):
        super().setUp()
        self.old_mode = os.environ.get("MF_CORPUS_MODE")
        os.environ["MF_CORPUS_MODE"] = "child"

    def tearDown(self):
        if self.old_mode is not None:
            os.environ["MF_CORPUS_MODE"] = self.old_mode
        else:
            os.environ.pop("MF_CORPUS_MODE", None)
        super().tearDown()

    def test_mode(self):
        self.assertTrue(self.parent_ran)
        self.assertEqual(os.environ["MF_CORPUS_MODE"], "child")


class PointsAVariableAtATemporaryDirectory(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp()
        self.old_home = os.environ.get("MF_CORPUS_HOME")
        os.environ["MF_CORPUS_HOME"] = self.home

    def tearDown(self):
        shutil.rmtree(self.home)
        if self.old_home is None:
            os.environ.pop("MF_CORPUS_HOME", None)
        else:
            os.environ["MF_CORPUS_HOME"] = self.old_home

    def test_home(self):
        self.assertEqual(os.environ["MF_CORPUS_HOME"], self.home)
        self.assertTrue(os.path.isdir(self.home))


class TestZAfterwards(unittest.TestCase):
    def test_nothing_leaked(self):
        self.assertNotIn("MF_CORPUS_FLAG", os.environ)
        self.assertNotIn("MF_CORPUS_MODE", os.environ)
        self.assertNotIn("MF_CORPUS_HOME", os.environ)
        self.assertNotIn("/opt/mf-corpus/bin", os.environ["PATH"])
