import unittest

FILES = ["a"]


def tearDownModule():
    FILES.clear()


class Files(unittest.TestCase):
    def test_files(self):
        self.assertEqual(FILES, ["a"])
