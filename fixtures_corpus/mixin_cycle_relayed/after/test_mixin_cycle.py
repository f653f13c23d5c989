import unittest

import pytest


class Server(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _server_setup(self):
        self.steps = ["server"]
        yield
        self.steps.append("server down")


class Proxy:
    @pytest.fixture(autouse=True)
    def _proxy_setup(self, _proxy_next):
        self.steps.append("proxy")
        yield
        self.steps.append("proxy down")


class Logging:
    @pytest.fixture(autouse=True)
    def _logging_setup(self, _logging_next):
        self.steps.append("logging")


class LoggedProxyTests(Logging, Proxy, Server):
    @pytest.fixture
    def _logging_next(self, _proxy_setup):
        """Logging's super() calls reach Proxy here."""

    @pytest.fixture
    def _proxy_next(self, _server_setup):
        """Proxy's super() calls reach Server here."""

    def test_steps(self):
        self.assertEqual(self.steps, ["server", "proxy", "logging"])


class ProxiedLogTests(Proxy, Logging, Server):
    @pytest.fixture
    def _logging_next(self, _server_setup):
        """Logging's super() calls reach Server here."""

    @pytest.fixture
    def _proxy_next(self, _logging_setup):
        """Proxy's super() calls reach Logging here."""

    def test_steps(self):
        self.assertEqual(self.steps, ["server", "logging", "proxy"])


class ProxyOnlyTests(Proxy, Server):
    @pytest.fixture
    def _proxy_next(self, _server_setup):
        """Proxy's super() calls reach Server here."""

    def test_steps(self):
        self.assertEqual(self.steps, ["server", "proxy"])
