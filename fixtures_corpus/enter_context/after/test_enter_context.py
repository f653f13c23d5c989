import contextlib
import unittest

import pytest

EXITED = []


@contextlib.contextmanager
def resource(name):
    yield name.upper()
    EXITED.append(name)


class ContextTests(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _context_tests_setup(self):
        with contextlib.ExitStack() as cleanups:
            # registered first, so it runs after the context has exited
            cleanups.callback(self.check)
            self.value = cleanups.enter_context(resource("db"))
            yield
            self.before = EXITED.count("db")

    def check(self):
        assert EXITED.count("db") == self.before + 1

    def test_value(self):
        self.assertEqual(self.value, "DB")
