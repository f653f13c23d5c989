import unittest


class ServerCase(unittest.TestCase):
    def setUp(self):
        self.steps = ["server"]


class TestLoggingMixin:
    """Collected by pytest as a plain class too; its fixture would request ServerCase's."""

    def setUp(self):
        super().setUp()
        self.steps = [*getattr(self, "steps", []), "logging"]

    def test_steps(self):
        expected = ["server", "logging"] if isinstance(self, unittest.TestCase) else None
        assert getattr(self, "steps", None) == expected


class TestLoggedServer(TestLoggingMixin, ServerCase):
    pass
