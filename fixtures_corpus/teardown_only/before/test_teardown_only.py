import unittest

CLOSED = []


class ResourceTests(unittest.TestCase):
    def tearDown(self):
        CLOSED.append(self._testMethodName)
        assert self.used, "tearDown must run after the test body"

    def test_first(self):
        self.used = True

    def test_second(self):
        self.used = True
