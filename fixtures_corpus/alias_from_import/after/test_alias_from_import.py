from unittest import TestCase as TC

import pytest


class Renamed(TC):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _renamed_class_setup(cls):
        cls.shared = [0]

    @pytest.fixture(autouse=True)
    def _renamed_setup(self):
        self.shared[0] += 1

    def test_one(self):
        self.assertGreaterEqual(self.shared[0], 1)

    def test_two(self):
        self.assertGreaterEqual(self.shared[0], 1)
