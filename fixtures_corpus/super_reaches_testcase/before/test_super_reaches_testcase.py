import unittest


class Plain(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.ready = True

    def tearDown(self):
        self.ready = False
        super().tearDown()

    def test_ready(self):
        self.assertTrue(self.ready)
