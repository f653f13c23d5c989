import unittest


class BaseShared(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.layers = ["base"]

    @classmethod
    def tearDownClass(cls):
        assert cls.layers[-1] == "child-down", cls.layers


class ChildShared(BaseShared):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.layers.append("child")

    @classmethod
    def tearDownClass(cls):
        cls.layers.append("child-down")
        super().tearDownClass()

    def test_layers(self):
        self.assertEqual(self.layers, ["base", "child"])
