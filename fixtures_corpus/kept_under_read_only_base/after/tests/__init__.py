import contextlib
import os
import unittest

import pytest

from pkg.testing import EVENTS


class TestCase(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _test_case_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self._test_case_set_up()
            yield

    def _test_case_set_up(self):
        EVENTS.append("setup base")
        self.override("MF_KEPT", "1")

    def override(self, name, value):
        old = os.environ.get(name)
        os.environ[name] = value
        self.addCleanup(self.restore, name, old)

    def restore(self, name, old):
        # unittest runs the cleanups after every tearDown, the subclass's included.
        if self.torn:
            assert EVENTS[-1] == self.torn, EVENTS
        EVENTS.append("restore")
        if old is None:
            del os.environ[name]
        else:
            os.environ[name] = old

    torn = ""
