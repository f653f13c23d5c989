import os
import stat
import tempfile
import unittest
import pytest


class UsesATempFile(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _uses_a_temp_file_setup(self, tmp_path):
        self.path = str(tmp_path / "store-.db")
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0), 0o600)
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
        cls.shared = str(tmp_path_factory.mktemp("shared") / "tmp")
        handle = os.open(cls.shared, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0), 0o600)
        os.close(handle)
        yield

    def test_exists(self):
        self.assertTrue(os.path.isfile(self.shared))
