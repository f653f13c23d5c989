import contextlib
import unittest

import pytest


class BodyCleanups(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _body_cleanups_setup(self):
        with contextlib.ExitStack() as cleanups:
            self.log = []
            cleanups.callback(self.verify)
            yield

    def verify(self):
        # setUp's cleanup was registered first, so it runs after the body's
        assert self.log == ["body cleanup"], self.log

    def test_registers(self):
        self.addCleanup(self.log.append, "body cleanup")
