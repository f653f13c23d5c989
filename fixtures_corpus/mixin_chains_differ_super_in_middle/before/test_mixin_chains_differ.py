import unittest


class Server(unittest.TestCase):
    def setUp(self):
        self.steps = ["server"]


class Logging:
    def setUp(self):
        self.before = list(getattr(self, "steps", []))
        super().setUp()
        self.steps = [*getattr(self, "steps", []), "logging"]


class ServerTests(Logging, Server):
    def test_steps(self):
        self.assertEqual(self.before, [])
        self.assertEqual(self.steps, ["server", "logging"])


class PlainTests(Logging, unittest.TestCase):
    def test_steps(self):
        self.assertEqual(self.steps, ["logging"])
