import unittest


class Server(unittest.TestCase):
    expected = []

    def setUp(self):
        self.steps = ["server"]

    def tearDown(self):
        self.steps.append("server-down")
        assert not self.expected or self.steps == self.expected, self.steps


class Proxy:
    def setUp(self):
        super().setUp()
        self.steps.append("proxy")

    def tearDown(self):
        self.steps.append("proxy-down")
        super().tearDown()


class LoggingMixin:
    """What follows it differs: Server, Proxy, or unittest.TestCase."""

    def setUp(self):
        super().setUp()
        self.steps = getattr(self, "steps", []) + ["logging"]

    def tearDown(self):
        self.steps.append("logging-down")
        super().tearDown()


class ServerTests(LoggingMixin, Server):
    expected = ["server", "logging", "test", "logging-down", "server-down"]

    def test_steps(self):
        self.steps.append("test")
        self.assertEqual(self.steps, ["server", "logging", "test"])


class ProxyTests(LoggingMixin, Proxy, Server):
    expected = ["server", "proxy", "logging", "test", "logging-down", "proxy-down", "server-down"]

    def test_steps(self):
        self.steps.append("test")
        self.assertEqual(self.steps, ["server", "proxy", "logging", "test"])


class MoreProxyTests(ProxyTests):
    def test_more(self):
        self.steps.append("test")
        self.assertEqual(self.steps[-2:], ["logging", "test"])


class PlainTests(LoggingMixin, unittest.TestCase):
    def test_steps(self):
        self.assertEqual(self.steps, ["logging"])


class EchoTests(LoggingMixin, Proxy, Server): test_steps = ProxyTests.test_steps


class Registry(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.log = ["registry"]


class CacheMixin:
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.log = [*getattr(cls, "log", []), "cache"]


class CachedRegistryTests(CacheMixin, Registry):
    def test_log(self):
        self.assertEqual(self.log, ["registry", "cache"])


class CacheOnlyTests(CacheMixin, unittest.TestCase):
    def test_log(self):
        self.assertEqual(self.log, ["cache"])
