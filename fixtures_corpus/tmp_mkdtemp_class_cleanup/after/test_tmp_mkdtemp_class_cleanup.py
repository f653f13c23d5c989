import os
import unittest

import pytest


class SharedDirectory(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _shared_directory_class_setup(cls, tmp_path_factory):
        cls.shared = str(tmp_path_factory.mktemp("shared"))
        with open(os.path.join(cls.shared, "seed.txt"), "w") as handle:
            handle.write("seed")

    def test_seed(self):
        self.assertIsInstance(self.shared, str)
        self.assertEqual(os.listdir(self.shared), ["seed.txt"])
