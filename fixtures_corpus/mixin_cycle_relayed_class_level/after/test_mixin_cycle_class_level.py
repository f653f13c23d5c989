import unittest

import pytest


class Server(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _server_class_setup(cls):
        cls.steps = ["server"]


class Proxy:
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _proxy_class_setup(cls, _proxy_class_next):
        cls.steps.append("proxy")


class Logging:
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _logging_class_setup(cls, _logging_class_next):
        cls.steps.append("logging")


class LoggedProxyTests(Logging, Proxy, Server):
    @pytest.fixture(scope="class")
    @classmethod
    def _logging_class_next(cls, _proxy_class_setup):
        """Logging's super() calls reach Proxy here."""

    @pytest.fixture(scope="class")
    @classmethod
    def _proxy_class_next(cls, _server_class_setup):
        """Proxy's super() calls reach Server here."""

    def test_steps(self):
        self.assertEqual(self.steps, ["server", "proxy", "logging"])


class ProxiedLogTests(Proxy, Logging, Server):
    @pytest.fixture(scope="class")
    @classmethod
    def _logging_class_next(cls, _server_class_setup):
        """Logging's super() calls reach Server here."""

    @pytest.fixture(scope="class")
    @classmethod
    def _proxy_class_next(cls, _logging_class_setup):
        """Proxy's super() calls reach Logging here."""

    def test_steps(self):
        self.assertEqual(self.steps, ["server", "logging", "proxy"])
