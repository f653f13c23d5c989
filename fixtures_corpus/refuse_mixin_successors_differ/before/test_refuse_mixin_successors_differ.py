import unittest


class WithServer(unittest.TestCase):
    def setUp(self):
        self.parts = ["server"]


class LoggingMixin:
    def setUp(self):
        super().setUp()
        self.parts = getattr(self, "parts", []) + ["logging"]


class ServerTests(LoggingMixin, WithServer):
    def test_parts(self):
        self.assertEqual(self.parts, ["server", "logging"])


class PlainTests(LoggingMixin, unittest.TestCase):
    def test_parts(self):
        self.assertEqual(self.parts, ["logging"])
