import unittest


class Server(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.steps = ["server"]


class Proxy:
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.steps.append("proxy")


class Logging:
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.steps.append("logging")


class LoggedProxyTests(Logging, Proxy, Server):
    def test_steps(self):
        self.assertEqual(self.steps, ["server", "proxy", "logging"])


class ProxiedLogTests(Proxy, Logging, Server):
    def test_steps(self):
        self.assertEqual(self.steps, ["server", "logging", "proxy"])
