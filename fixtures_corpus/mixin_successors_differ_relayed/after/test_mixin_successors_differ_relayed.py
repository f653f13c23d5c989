import unittest

import pytest


class Server(unittest.TestCase):
    expected = []

    @pytest.fixture(autouse=True)
    def _server_setup(self):
        self.steps = ["server"]
        yield
        self.steps.append("server-down")
        assert not self.expected or self.steps == self.expected, self.steps


class Proxy:
    @pytest.fixture(autouse=True)
    def _proxy_setup(self, _server_setup):
        self.steps.append("proxy")
        yield
        self.steps.append("proxy-down")


class LoggingMixin:
    """What follows it differs: Server, Proxy, or unittest.TestCase."""

    @pytest.fixture(autouse=True)
    def _logging_mixin_setup(self, _logging_mixin_next):
        self.steps = getattr(self, "steps", []) + ["logging"]
        yield
        self.steps.append("logging-down")


class ServerTests(LoggingMixin, Server):
    expected = ["server", "logging", "test", "logging-down", "server-down"]

    @pytest.fixture
    def _logging_mixin_next(self, _server_setup):
        """LoggingMixin's super() calls reach Server here."""

    def test_steps(self):
        self.steps.append("test")
        self.assertEqual(self.steps, ["server", "logging", "test"])


class ProxyTests(LoggingMixin, Proxy, Server):
    expected = ["server", "proxy", "logging", "test", "logging-down", "proxy-down", "server-down"]

    @pytest.fixture
    def _logging_mixin_next(self, _proxy_setup):
        """LoggingMixin's super() calls reach Proxy here."""

    def test_steps(self):
        self.steps.append("test")
        self.assertEqual(self.steps, ["server", "proxy", "logging", "test"])


class MoreProxyTests(ProxyTests):
    def test_more(self):
        self.steps.append("test")
        self.assertEqual(self.steps[-2:], ["logging", "test"])


class PlainTests(LoggingMixin, unittest.TestCase):
    @pytest.fixture
    def _logging_mixin_next(self):
        """LoggingMixin's super() calls reach unittest.TestCase here: nothing runs."""

    def test_steps(self):
        self.assertEqual(self.steps, ["logging"])


class EchoTests(LoggingMixin, Proxy, Server):
    test_steps = ProxyTests.test_steps

    @pytest.fixture
    def _logging_mixin_next(self, _proxy_setup):
        """LoggingMixin's super() calls reach Proxy here."""


class Registry(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _registry_class_setup(cls):
        cls.log = ["registry"]


class CacheMixin:
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _cache_mixin_class_setup(cls, _cache_mixin_class_next):
        cls.log = [*getattr(cls, "log", []), "cache"]


class CachedRegistryTests(CacheMixin, Registry):
    @pytest.fixture(scope="class")
    @classmethod
    def _cache_mixin_class_next(cls, _registry_class_setup):
        """CacheMixin's super() calls reach Registry here."""

    def test_log(self):
        self.assertEqual(self.log, ["registry", "cache"])


class CacheOnlyTests(CacheMixin, unittest.TestCase):
    @pytest.fixture(scope="class")
    @classmethod
    def _cache_mixin_class_next(cls):
        """CacheMixin's super() calls reach unittest.TestCase here: nothing runs."""

    def test_log(self):
        self.assertEqual(self.log, ["cache"])
