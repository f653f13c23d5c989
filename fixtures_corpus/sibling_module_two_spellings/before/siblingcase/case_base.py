import unittest


class ResourceCase(unittest.TestCase):
    def setUp(self):
        self.events = ["base setUp"]

    def tearDown(self):
        self.events.append("base tearDown")
