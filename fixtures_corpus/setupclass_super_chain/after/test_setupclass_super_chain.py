import unittest

import pytest


class BaseShared(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _base_shared_class_setup(cls):
        cls.layers = ["base"]
        yield
        assert cls.layers[-1] == "child-down", cls.layers


class ChildShared(BaseShared):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _child_shared_class_setup(cls, _base_shared_class_setup):
        cls.layers.append("child")
        yield
        cls.layers.append("child-down")

    def test_layers(self):
        self.assertEqual(self.layers, ["base", "child"])
