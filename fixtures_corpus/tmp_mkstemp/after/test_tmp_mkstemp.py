import os
import stat
import tempfile
import unittest

import pytest


class UsesATempFile(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _uses_a_temp_file_setup(self, tmp_path):
        self.fd, self.path = tempfile.mkstemp(suffix=".db", prefix="store-", dir=tmp_path)
        yield
        os.close(self.fd)
        os.remove(self.path)

    def test_file_is_private_empty_and_open(self):
        self.assertIsInstance(self.path, str)
        self.assertTrue(self.path.endswith(".db"))
        self.assertEqual(stat.S_IMODE(os.stat(self.path).st_mode), 0o600)
        self.assertEqual(os.path.getsize(self.path), 0)
        os.write(self.fd, b"data")
        self.assertEqual(os.path.getsize(self.path), 4)


class SharedTempFile(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _shared_temp_file_class_setup(cls, tmp_path_factory):
        handle, cls.shared = tempfile.mkstemp(dir=tmp_path_factory.mktemp("shared"))
        os.close(handle)

    def test_exists(self):
        self.assertTrue(os.path.isfile(self.shared))
