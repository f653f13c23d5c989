import unittest

import pytest

connection = {"global": True}


class Shadowing(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _shadowing_setup(self):
        self._shadowing_set_up()
        yield
        self._shadowing_tear_down()

    def _shadowing_set_up(self):
        connection = {"local": True}
        self.conn = connection

    def _shadowing_tear_down(self):
        assert connection == {"global": True}

    def test_conn(self):
        self.assertEqual(self.conn, {"local": True})
