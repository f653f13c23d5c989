import os
import tempfile
import unittest


class EnteredDirectory(unittest.TestCase):
    def setUp(self):
        self.path = self.enterContext(tempfile.TemporaryDirectory())

    def test_is_an_empty_str_directory(self):
        self.assertIsInstance(self.path, str)
        self.assertEqual(os.listdir(self.path), [])


class EnteredWithAPrefix(unittest.TestCase):
    def setUp(self):
        self.path = self.enterContext(tempfile.TemporaryDirectory(prefix="entered-"))

    def test_keeps_its_prefix(self):
        self.assertTrue(os.path.basename(self.path).startswith("entered-"))


class KeepsTheObject(unittest.TestCase):
    def setUp(self):
        self.holder = tempfile.TemporaryDirectory()
        self.addCleanup(self.holder.cleanup)

    def test_object(self):
        self.assertTrue(os.path.isdir(self.holder.name))
