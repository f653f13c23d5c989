import unittest

import pytest


class Server(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _server_setup(self):
        self._server_set_up()

    def _server_set_up(self):
        self.steps = ["server"]


class Logging:
    # The methods below call their parents' own: the parent fixtures must not run.
    _server_setup = None

    @pytest.fixture(autouse=True)
    def _logging_setup(self):
        self._logging_set_up()

    def _logging_set_up(self):
        self.before = list(getattr(self, "steps", []))
        self._logging_next_set_up()
        self.steps = [*getattr(self, "steps", []), "logging"]


class ServerTests(Logging, Server):
    def _logging_next_set_up(self):
        """After Logging, setUp() reaches Server here."""
        self._server_set_up()

    def test_steps(self):
        self.assertEqual(self.before, [])
        self.assertEqual(self.steps, ["server", "logging"])


class PlainTests(Logging, unittest.TestCase):
    def _logging_next_set_up(self):
        """After Logging, setUp() reaches unittest.TestCase here: nothing runs."""

    def test_steps(self):
        self.assertEqual(self.steps, ["logging"])
