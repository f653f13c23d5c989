from unittest import TestCase as TC


class Renamed(TC):
    @classmethod
    def setUpClass(cls):
        cls.shared = [0]

    def setUp(self):
        self.shared[0] += 1

    def test_one(self):
        self.assertGreaterEqual(self.shared[0], 1)

    def test_two(self):
        self.assertGreaterEqual(self.shared[0], 1)
