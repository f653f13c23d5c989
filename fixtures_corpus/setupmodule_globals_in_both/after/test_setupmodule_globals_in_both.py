import unittest

import pytest

SERVER = None
STOPPED = None


@pytest.fixture(scope="module", autouse=True)
def _module_setup():
    global STOPPED
    global SERVER
    SERVER = "running"
    yield
    STOPPED = SERVER
    SERVER = None


class UsesServer(unittest.TestCase):
    def test_server(self):
        self.assertEqual(SERVER, "running")
