import unittest

LEVEL = 2


class Levels(unittest.TestCase):
    def setUp(self):
        self.seen = []
        if LEVEL == 1:
            self.seen.append("one")
            return
        elif LEVEL == 2:
            self.seen.append("two")
        self.seen.append("rest")

    def test_seen(self):
        self.assertEqual(self.seen, ["two", "rest"])
