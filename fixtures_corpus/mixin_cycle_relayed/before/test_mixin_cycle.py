import unittest


class Server(unittest.TestCase):
    def setUp(self):
        self.steps = ["server"]

    def tearDown(self):
        self.steps.append("server down")


class Proxy:
    def setUp(self):
        super().setUp()
        self.steps.append("proxy")

    def tearDown(self):
        self.steps.append("proxy down")
        super().tearDown()


class Logging:
    def setUp(self):
        super().setUp()
        self.steps.append("logging")


class LoggedProxyTests(Logging, Proxy, Server):
    def test_steps(self):
        self.assertEqual(self.steps, ["server", "proxy", "logging"])


class ProxiedLogTests(Proxy, Logging, Server):
    def test_steps(self):
        self.assertEqual(self.steps, ["server", "logging", "proxy"])


class ProxyOnlyTests(Proxy, Server):
    def test_steps(self):
        self.assertEqual(self.steps, ["server", "proxy"])
