import os
import unittest

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self, monkeypatch):
        self.old_cwd = os.getcwd()
        monkeypatch.chdir(HERE)
        yield
        # The child's tearDown has put its variable back before this runs.
        self.assertNotEqual(os.environ.get("MF_CORPUS_CHILD"), "1")


class TestChild(Base):
    @pytest.fixture(autouse=True)
    def _test_child_setup(self, _base_setup):
        self.old_value = os.environ.get("MF_CORPUS_CHILD")
        os.environ["MF_CORPUS_CHILD"] = "1"
        yield
        if self.old_value is None:
            os.environ.pop("MF_CORPUS_CHILD", None)
        else:
            os.environ["MF_CORPUS_CHILD"] = self.old_value

    def test_both(self):
        self.assertEqual(os.getcwd(), HERE)
        self.assertEqual(os.environ["MF_CORPUS_CHILD"], "1")
