import unittest

import pytest


class Registry(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _registry_class_setup(cls):
        cls.owner = cls.__name__

    def test_owner(self):
        self.assertEqual(self.owner, type(self).__name__)


class SubRegistry(Registry):
    pass
