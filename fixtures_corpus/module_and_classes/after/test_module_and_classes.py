import unittest

import pytest

TRACE = []


@pytest.fixture(scope="module", autouse=True)
def _module_setup():
    TRACE.append("module")
    yield
    TRACE.append("module-down")


class Levels(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _levels_class_setup(cls):
        TRACE.append("class")

    @pytest.fixture(autouse=True)
    def _levels_setup(self):
        TRACE.append("function")

    def test_nesting(self):
        self.assertEqual(TRACE[:3], ["module", "class", "function"])
