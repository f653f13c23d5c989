import os
import shutil
import tempfile
import unittest


class SharedDirectory(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = tempfile.mkdtemp()
        cls.addClassCleanup(shutil.rmtree, cls.shared)
        with open(os.path.join(cls.shared, "seed.txt"), "w") as handle:
            handle.write("seed")

    def test_seed(self):
        self.assertIsInstance(self.shared, str)
        self.assertEqual(os.listdir(self.shared), ["seed.txt"])
