import unittest


class Looping(unittest.TestCase):
    def setUp(self):
        self.found = None
        for item in (1, 2, 3):
            if item == 2:
                self.found = item
                return

    def test_found(self):
        self.assertEqual(self.found, 2)
