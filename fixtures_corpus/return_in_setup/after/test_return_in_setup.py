import os
import unittest

import pytest

HAVE_FEATURE = os.environ.get("MF_CORPUS_NO_FEATURE") is None


class FeatureTests(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _feature_tests_setup(self):
        self.calls = ["start"]
        if HAVE_FEATURE:
            self.calls.append("feature")
        yield
        self.calls.append("teardown")

    def test_calls(self):
        self.assertEqual(self.calls, ["start", "feature"])
