import unittest

import pytest


class TempBase(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _temp_base_class_setup(cls):
        cls.created = [cls.__name__]

    @pytest.fixture(autouse=True)
    def _temp_base_setup(self):
        self.ready = True
