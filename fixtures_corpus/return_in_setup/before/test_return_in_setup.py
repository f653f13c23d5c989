import os
import unittest

HAVE_FEATURE = os.environ.get("MF_CORPUS_NO_FEATURE") is None


class FeatureTests(unittest.TestCase):
    def setUp(self):
        self.calls = ["start"]
        if not HAVE_FEATURE:
            return
        self.calls.append("feature")

    def tearDown(self):
        self.calls.append("teardown")

    def test_calls(self):
        self.assertEqual(self.calls, ["start", "feature"])
