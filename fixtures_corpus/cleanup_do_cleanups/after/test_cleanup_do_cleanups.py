import contextlib
import unittest

import pytest


class RunsCleanupsEarly(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _runs_cleanups_early_setup(self):
        with contextlib.ExitStack() as cleanups:
            self.log = []
            cleanups.callback(self.log.append, "early")
            cleanups.close()
            cleanups.callback(self.check)
            cleanups.callback(self.log.append, "late")
            yield

    def check(self):
        assert self.log == ["early", "late"], self.log

    def test_early_ran(self):
        self.assertEqual(self.log, ["early"])
