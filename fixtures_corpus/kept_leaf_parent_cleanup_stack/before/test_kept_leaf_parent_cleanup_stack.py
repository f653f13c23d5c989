import logging
import os
import shutil
import tempfile
import unittest

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
        self.handler = logging.NullHandler()
        logging.root.addHandler(self.handler)
        self.addCleanup(logging.root.removeHandler, self.handler)

    def test_quiet(self):
        self.assertIn(self.handler, logging.root.handlers)
        self.assertTrue(os.path.isdir(self.tmp))
