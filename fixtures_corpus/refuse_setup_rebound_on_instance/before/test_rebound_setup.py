import unittest


class ThreadableTest:
    """Like CPython's test_socket: its __init__ swaps the instance's setUp for a wrapper
    that runs the real one inside it."""

    def __init__(self):
        self.__setUp = self.setUp
        self.setUp = self._setUp

    def _setUp(self):
        self.server_ready = True
        self.__setUp()


class SocketTestBase(unittest.TestCase):
    def setUp(self):
        self.sock = 1


class ThreadedTest(SocketTestBase, ThreadableTest):
    def __init__(self, methodName='runTest'):
        SocketTestBase.__init__(self, methodName=methodName)
        ThreadableTest.__init__(self)

    def test_ready(self):
        self.assertTrue(self.server_ready)
        self.assertEqual(self.sock, 1)


class Plain(SocketTestBase):
    def test_sock(self):
        self.assertEqual(self.sock, 1)
