import unittest


class Server(unittest.TestCase):
    def setUp(self):
        self.steps = ["server"]


class Proxy:
    def setUp(self):
        self.proxied = True
        super().setUp()
        self.steps.append("proxy")


class Logging:
    def setUp(self):
        super().setUp()
        self.steps.append("logging")


class LoggedProxyTests(Logging, Proxy, Server):
    def test_steps(self):
        self.assertEqual(self.steps, ["server", "proxy", "logging"])
        self.assertTrue(self.proxied)


class ProxiedLogTests(Proxy, Logging, Server):
    def test_steps(self):
        self.assertEqual(self.steps, ["server", "logging", "proxy"])
        self.assertTrue(self.proxied)
