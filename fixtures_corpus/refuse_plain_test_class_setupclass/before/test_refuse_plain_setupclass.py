import unittest


class TestRegistryBase:
    registry = None

    @classmethod
    def setUpClass(cls):
        cls.registry = {}

    def test_registry(self):
        expected = {} if isinstance(self, unittest.TestCase) else None
        assert self.registry == expected


class TestRegistry(TestRegistryBase, unittest.TestCase):
    pass
