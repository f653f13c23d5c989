import contextlib
import unittest

import pytest


class OrderMatters(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _order_matters_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self.log = []
            yield
            self.log.append("teardown")

    def test_cleanup_after_teardown(self):
        self.addCleanup(self.check)

    def check(self):
        assert self.log == ["teardown"], self.log
