import os
import unittest

import pytest


def make_value():
    return "made"


class NoSave(unittest.TestCase):
    # Deletes the variable even when it existed before: monkeypatch would put it back.
    @pytest.fixture(autouse=True)
    def _no_save_setup(self):
        os.environ["MF_CORPUS_NO_SAVE"] = "1"
        yield
        del os.environ["MF_CORPUS_NO_SAVE"]

    def test_set(self):
        self.assertEqual(os.environ["MF_CORPUS_NO_SAVE"], "1")


class DelRaises(unittest.TestCase):
    # ``del`` raises KeyError when the test removed the variable; monkeypatch does not.
    @pytest.fixture(autouse=True)
    def _del_raises_setup(self):
        self.old = os.environ.get("MF_CORPUS_DEL")
        os.environ["MF_CORPUS_DEL"] = "1"
        yield
        if self.old is None:
            del os.environ["MF_CORPUS_DEL"]
        else:
            os.environ["MF_CORPUS_DEL"] = self.old

    def test_set(self):
        self.assertEqual(os.environ["MF_CORPUS_DEL"], "1")


class NotAStr(unittest.TestCase):
    # The value may not be a str: os.environ raises, monkeypatch converts with a warning.
    @pytest.fixture(autouse=True)
    def _not_a_str_setup(self):
        self.old = os.environ["PATH"]
        os.environ["PATH"] = make_value()
        yield
        os.environ["PATH"] = self.old

    def test_set(self):
        self.assertEqual(os.environ["PATH"], "made")


class RestoreNotLast(unittest.TestCase):
    # Something runs after the restore: it would see the variable still set.
    @pytest.fixture(autouse=True)
    def _restore_not_last_setup(self):
        self.old = os.environ["PATH"]
        os.environ["PATH"] = "/opt/mf-corpus"
        yield
        os.environ["PATH"] = self.old
        self.assertNotEqual(os.environ["PATH"], "/opt/mf-corpus")

    def test_set(self):
        self.assertEqual(os.environ["PATH"], "/opt/mf-corpus")
