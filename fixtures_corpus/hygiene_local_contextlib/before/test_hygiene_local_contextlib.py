import unittest

try:
    import pytest
except ImportError:
    pytest = None


class Local(unittest.TestCase):
    def setUp(self):
        import contextlib
        self.stack = contextlib.ExitStack()
        self.addCleanup(self.stack.close)

    def test_it(self):
        self.assertIsNotNone(self.stack)
