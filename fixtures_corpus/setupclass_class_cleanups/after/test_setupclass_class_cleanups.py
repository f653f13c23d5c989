import contextlib
import unittest

import pytest

LOG = []


@contextlib.contextmanager
def opened(name):
    yield name
    LOG.append("exit " + name)


class ClassCleanups(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _class_cleanups_class_setup(cls):
        with contextlib.ExitStack() as cleanups:
            cleanups.callback(cls.check)
            cls.handle = cleanups.enter_context(opened("file"))
            cleanups.callback(LOG.append, "second")
            yield
            LOG.append("tearDownClass")

    @classmethod
    def check(cls):
        assert LOG == ["tearDownClass", "second", "exit file"], LOG

    def test_handle(self):
        self.assertEqual(self.handle, "file")
