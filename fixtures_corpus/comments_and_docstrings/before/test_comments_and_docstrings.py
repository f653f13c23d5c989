"""Module docstring stays first."""
import unittest


class Documented(unittest.TestCase):
    # Build a small tree for every test.
    def setUp(self):
        """Create the tree."""
        # the root node
        self.tree = {"root": []}  # trailing comment

    # Release the tree.
    def tearDown(self):
        # drop everything
        self.tree.clear()

    def test_root(self):
        self.assertIn("root", self.tree)
