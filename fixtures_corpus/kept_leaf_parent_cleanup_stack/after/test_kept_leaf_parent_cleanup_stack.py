import contextlib
import logging
import os
import shutil
import tempfile
import unittest

import pytest

CLEANED = []


class Workspace(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _workspace_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self._workspace_set_up()
            yield
            self._workspace_tear_down()

    def _workspace_set_up(self):
        self.tmp = tempfile.mkdtemp()

    def _workspace_tear_down(self):
        shutil.rmtree(self.tmp)

    def test_exists(self):
        # A cleanup registered by a test: a converted fixture must run it after its teardown.
        self.addCleanup(CLEANED.append, self.tmp)
        self.assertTrue(os.path.isdir(self.tmp))


class QuietWorkspace(Workspace):
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _workspace_setup = None

    def setUp(self):
        self._workspace_set_up()
        self.handler = logging.NullHandler()
        logging.root.addHandler(self.handler)
        self.addCleanup(logging.root.removeHandler, self.handler)

    def test_quiet(self):
        self.assertIn(self.handler, logging.root.handlers)
        self.assertTrue(os.path.isdir(self.tmp))

    def tearDown(self):
        self._workspace_tear_down()
