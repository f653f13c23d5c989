import contextlib
import unittest

import pytest

LOG = []


class RaisesSkip(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _raises_skip_class_setup(cls):
        yield
        assert LOG == ["cleanup"], LOG

    @pytest.fixture(autouse=True)
    def _raises_skip_setup(self):
        with contextlib.ExitStack() as cleanups:
            cleanups.callback(LOG.append, "cleanup")
            raise unittest.SkipTest("not today")
            yield

    def test_skipped(self):
        self.fail("never runs")
