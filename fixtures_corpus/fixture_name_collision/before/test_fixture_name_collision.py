import unittest


class Collide(unittest.TestCase):
    _collide_setup = "an attribute with the generated name"

    def setUp(self):
        self.ready = True

    def test_attribute_kept(self):
        self.assertEqual(self._collide_setup, "an attribute with the generated name")
        self.assertTrue(self.ready)
