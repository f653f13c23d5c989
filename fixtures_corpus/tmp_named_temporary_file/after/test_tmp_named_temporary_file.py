import os
import stat
import tempfile
import unittest

import pytest


class WritesAConfigFile(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _writes_a_config_file_setup(self, tmp_path):
        with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False, dir=tmp_path) as handle:
            handle.write("[main]\nkey = value\n")
        self.config = handle.name
        yield
        os.remove(self.config)

    def test_reads_back(self):
        self.assertIsInstance(self.config, str)
        self.assertTrue(self.config.endswith(".ini"))
        with open(self.config) as f:
            self.assertEqual(f.read(), "[main]\nkey = value\n")

    def test_private_to_the_user(self):
        self.assertEqual(stat.S_IMODE(os.stat(self.config).st_mode), 0o600)


class KeepsTheFileObject(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _keeps_the_file_object_setup(self, tmp_path):
        self.file = tempfile.NamedTemporaryFile(delete=False, dir=tmp_path)
        self.file.write(b"payload")
        self.file.flush()
        # An explicit dir= is the suite's own choice: it stays.
        self.beside = tempfile.NamedTemporaryFile(dir=os.path.dirname(self.file.name))
        yield
        self.beside.close()
        self.file.close()
        os.unlink(self.file.name)

    def test_object_is_still_a_temporary_file_wrapper(self):
        self.assertIsInstance(self.file, tempfile._TemporaryFileWrapper)
        self.assertIsInstance(self.file.name, str)
        self.file.seek(0)
        self.assertEqual(self.file.read(), b"payload")

    def test_dir_kept(self):
        self.assertEqual(os.path.dirname(self.beside.name), os.path.dirname(self.file.name))


class SharedByTheClass(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _shared_by_the_class_class_setup(cls, tmp_path_factory):
        cls.log = tempfile.NamedTemporaryFile(mode="w+", prefix="log-", delete=False, dir=tmp_path_factory.mktemp("log"))
        yield
        cls.log.close()
        os.remove(cls.log.name)

    def test_writable(self):
        self.log.write("line\n")
        self.log.flush()
        self.assertGreater(os.path.getsize(self.log.name), 0)

    def test_named_with_prefix(self):
        self.assertTrue(os.path.basename(self.log.name).startswith("log-"))
