import contextlib
import unittest

import pytest


def record(log, item, *, suffix=""):
    log.append(item + suffix)


class CleanupTests(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _cleanup_tests_setup(self):
        with contextlib.ExitStack() as cleanups:
            self.log = []
            cleanups.callback(self.check)
            cleanups.callback(record, self.log, "first", suffix="!")
            cleanups.callback(record, self.log, "second")
            yield
            self.log.append("teardown")

    def check(self):
        # registered first, so it runs last
        assert self.log == ["teardown", "second", "first!"], self.log

    def test_nothing_ran_yet(self):
        self.assertEqual(self.log, [])
