import sys
import unittest

HAS_FEATURE = sys.version_info >= (3,)


def requires_feature(reason=None):
    if callable(reason):
        raise TypeError("use @requires_feature() with parentheses")
    if reason is None:
        reason = "needs the feature"

    def decorator(func):
        return unittest.skipIf(not HAS_FEATURE, reason)(func)

    return decorator


def skip_always(reason):
    return unittest.skip(reason)


@requires_feature()
class Runs(unittest.TestCase):
    def setUp(self):
        self.value = 1

    def tearDown(self):
        self.value = 0

    def test_value(self):
        self.assertEqual(self.value, 1)


@skip_always("never on this machine")
class Skipped(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("unittest never runs setUpClass of a skipped class")

    def setUp(self):
        raise RuntimeError("unittest never runs setUp of a skipped class")

    def test_never(self):
        raise AssertionError("skipped")
