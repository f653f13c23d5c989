import unittest

from shells_base import TestShellBase


class TestBash(TestShellBase, unittest.TestCase):
    def test_more(self):
        self.assertEqual(self.shell, "bash")
