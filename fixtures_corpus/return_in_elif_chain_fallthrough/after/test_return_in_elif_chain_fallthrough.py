import unittest

import pytest

LEVEL = 2


class Levels(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _levels_setup(self):
        self.seen = []
        if LEVEL == 1:
            self.seen.append("one")
        else:
            if LEVEL == 2:
                self.seen.append("two")
            self.seen.append("rest")

    def test_seen(self):
        self.assertEqual(self.seen, ["two", "rest"])
