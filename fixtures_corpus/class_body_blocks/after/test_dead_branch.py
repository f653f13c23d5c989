import unittest

import pytest

ASYNC = False


class DeadBranchTests(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _dead_branch_tests_setup(self):
        self.value = 1

    if ASYNC:
        # Never defined (ASYNC is False): its setUp call reads nothing.
        def _callSetUp(self):
            self.setUp()

    def test_value(self):
        self.assertEqual(self.value, 1)
