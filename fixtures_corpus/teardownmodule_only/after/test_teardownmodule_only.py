import unittest

import pytest

FILES = ["a"]


@pytest.fixture(scope="module", autouse=True)
def _module_setup():
    yield
    FILES.clear()


class Files(unittest.TestCase):
    def test_files(self):
        self.assertEqual(FILES, ["a"])
