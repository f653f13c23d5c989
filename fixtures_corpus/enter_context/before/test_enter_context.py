import contextlib
import unittest

EXITED = []


@contextlib.contextmanager
def resource(name):
    yield name.upper()
    EXITED.append(name)


class ContextTests(unittest.TestCase):
    def setUp(self):
        # registered first, so it runs after the context has exited
        self.addCleanup(self.check)
        self.value = self.enterContext(resource("db"))

    def check(self):
        assert EXITED.count("db") == self.before + 1

    def tearDown(self):
        self.before = EXITED.count("db")

    def test_value(self):
        self.assertEqual(self.value, "DB")
