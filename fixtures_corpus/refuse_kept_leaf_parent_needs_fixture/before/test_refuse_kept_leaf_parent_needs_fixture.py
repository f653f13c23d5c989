import os
import shutil
import tempfile
import unittest
import warnings

CLEANED = []


class Workspace(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_exists(self):
        # A cleanup registered by a test: a converted fixture must run it after its teardown.
        self.addCleanup(CLEANED.append, self.tmp)
        self.assertTrue(os.path.isdir(self.tmp))


class QuietWorkspace(Workspace):
    def setUp(self):
        super().setUp()
        warnings.simplefilter("ignore")

    def test_quiet(self):
        warnings.warn("hidden")
        self.assertTrue(os.path.isdir(self.tmp))
