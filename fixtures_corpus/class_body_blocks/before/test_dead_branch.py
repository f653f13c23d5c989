import unittest

ASYNC = False


class DeadBranchTests(unittest.TestCase):
    def setUp(self):
        self.value = 1

    if ASYNC:
        # Never defined (ASYNC is False): its setUp call reads nothing.
        def _callSetUp(self):
            self.setUp()

    def test_value(self):
        self.assertEqual(self.value, 1)
