import unittest

import pytest


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self):
        self._base_set_up()

    def _base_set_up(self):
        self.order = getattr(self, "order", []) + ["base"]


class Middle(Base):
    # The methods below call their parents' own: the parent fixtures must not run.
    _base_setup = None

    @pytest.fixture(autouse=True)
    def _middle_setup(self):
        self._middle_set_up()

    def _middle_set_up(self):
        self.order = ["before"]
        self._base_set_up()
        self.order.append("after")

    def test_order(self):
        self.assertEqual(self.order, ["before", "base", "after"])
