import os
import stat
import tempfile
import unittest


class UsesATempFile(unittest.TestCase):
    def setUp(self):
        self.fd, self.path = tempfile.mkstemp(suffix=".db", prefix="store-")

    def tearDown(self):
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
    @classmethod
    def setUpClass(cls):
        handle, cls.shared = tempfile.mkstemp()
        os.close(handle)

    def test_exists(self):
        self.assertTrue(os.path.isfile(self.shared))
