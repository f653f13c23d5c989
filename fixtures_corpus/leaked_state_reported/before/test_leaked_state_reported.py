import os
import socket
import string
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def setUpModule():
    # Never taken out again: later tests of the same worker see it too.
    sys.path.append(HERE)


class MarksAModule(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        string.mf_corpus_marker = "set"

    @classmethod
    def tearDownClass(cls):
        del string.mf_corpus_marker

    def test_marker(self):
        self.assertEqual(string.mf_corpus_marker, "set")


class LeavesATimeout(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        socket.setdefaulttimeout(30)

    def test_timeout(self):
        self.assertEqual(socket.getdefaulttimeout(), 30)


class PutsTheTimeoutBack(unittest.TestCase):
    def setUp(self):
        self.addCleanup(socket.setdefaulttimeout, socket.getdefaulttimeout())
        socket.setdefaulttimeout(5)

    def test_timeout(self):
        self.assertEqual(socket.getdefaulttimeout(), 5)
