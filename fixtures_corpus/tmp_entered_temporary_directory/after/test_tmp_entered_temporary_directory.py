import contextlib
import os
import tempfile
import unittest

import pytest


class EnteredDirectory(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _entered_directory_setup(self, tmp_path):
        self.path = str(tmp_path)

    def test_is_an_empty_str_directory(self):
        self.assertIsInstance(self.path, str)
        self.assertEqual(os.listdir(self.path), [])


class EnteredWithAPrefix(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _entered_with_a_prefix_setup(self, tmp_path):
        with contextlib.ExitStack() as cleanups:
            self.path = cleanups.enter_context(tempfile.TemporaryDirectory(prefix="entered-", dir=tmp_path))
            yield

    def test_keeps_its_prefix(self):
        self.assertTrue(os.path.basename(self.path).startswith("entered-"))


class KeepsTheObject(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _keeps_the_object_setup(self, tmp_path):
        with contextlib.ExitStack() as cleanups:
            self.holder = tempfile.TemporaryDirectory(dir=tmp_path)
            cleanups.callback(self.holder.cleanup)
            yield

    def test_object(self):
        self.assertTrue(os.path.isdir(self.holder.name))
