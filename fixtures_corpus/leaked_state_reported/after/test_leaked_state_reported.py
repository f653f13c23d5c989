import contextlib
import os
import socket
import string
import sys
import unittest

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="module", autouse=True)
def _module_setup():
    # Never taken out again: later tests of the same worker see it too.
    sys.path.append(HERE)


class MarksAModule(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _marks_a_module_class_setup(cls):
        string.mf_corpus_marker = "set"
        yield
        del string.mf_corpus_marker

    def test_marker(self):
        self.assertEqual(string.mf_corpus_marker, "set")


class LeavesATimeout(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _leaves_a_timeout_class_setup(cls):
        socket.setdefaulttimeout(30)

    def test_timeout(self):
        self.assertEqual(socket.getdefaulttimeout(), 30)


class PutsTheTimeoutBack(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _puts_the_timeout_back_setup(self):
        with contextlib.ExitStack() as cleanups:
            cleanups.callback(socket.setdefaulttimeout, socket.getdefaulttimeout())
            socket.setdefaulttimeout(5)
            yield

    def test_timeout(self):
        self.assertEqual(socket.getdefaulttimeout(), 5)
