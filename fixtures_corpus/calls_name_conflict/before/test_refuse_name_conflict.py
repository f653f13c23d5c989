import unittest

connection = {"global": True}


class Shadowing(unittest.TestCase):
    def setUp(self):
        connection = {"local": True}
        self.conn = connection

    def tearDown(self):
        assert connection == {"global": True}

    def test_conn(self):
        self.assertEqual(self.conn, {"local": True})
