"""Module docstring stays first."""
import unittest

import pytest


class Documented(unittest.TestCase):
    # Build a small tree for every test.
    @pytest.fixture(autouse=True)
    def _documented_setup(self):
        """Create the tree."""
        # the root node
        self.tree = {"root": []}  # trailing comment
        yield
        # Release the tree.
        # drop everything
        self.tree.clear()

    def test_root(self):
        self.assertIn("root", self.tree)
