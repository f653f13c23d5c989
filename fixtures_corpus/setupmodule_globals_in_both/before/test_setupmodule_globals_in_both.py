import unittest

SERVER = None
STOPPED = None


def setUpModule():
    global SERVER
    SERVER = "running"


def tearDownModule():
    global SERVER, STOPPED
    STOPPED = SERVER
    SERVER = None


class UsesServer(unittest.TestCase):
    def test_server(self):
        self.assertEqual(SERVER, "running")
