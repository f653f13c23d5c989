import unittest

import pytest

CLOSED = []


class ResourceTests(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _resource_tests_setup(self):
        yield
        CLOSED.append(self._testMethodName)
        assert self.used, "tearDown must run after the test body"

    def test_first(self):
        self.used = True

    def test_second(self):
        self.used = True
