import contextlib
import unittest

import pytest

LOG = []


def check():
    assert LOG == ["tearDownModule", "cleanup"], LOG


@pytest.fixture(scope="module", autouse=True)
def _module_setup():
    with contextlib.ExitStack() as cleanups:
        cleanups.callback(check)
        cleanups.callback(LOG.append, "cleanup")
        yield
        LOG.append("tearDownModule")


class Anything(unittest.TestCase):
    def test_log_empty(self):
        self.assertEqual(LOG, [])
