import unittest


class SimpleTestCase(unittest.TestCase):
    """Stand-in for django.test.SimpleTestCase, whose setUpClass does real work."""
