import unittest


def build():
    class Inner(unittest.TestCase):
        def setUp(self):
            self.inner = True

        def test_inner(self):
            self.assertTrue(self.inner)

    return Inner


Built = build()
