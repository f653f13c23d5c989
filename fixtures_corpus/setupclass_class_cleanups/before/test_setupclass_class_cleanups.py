import contextlib
import unittest

LOG = []


@contextlib.contextmanager
def opened(name):
    yield name
    LOG.append("exit " + name)


class ClassCleanups(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(cls.check)
        cls.handle = cls.enterClassContext(opened("file"))
        cls.addClassCleanup(LOG.append, "second")

    @classmethod
    def check(cls):
        assert LOG == ["tearDownClass", "second", "exit file"], LOG

    @classmethod
    def tearDownClass(cls):
        LOG.append("tearDownClass")

    def test_handle(self):
        self.assertEqual(self.handle, "file")
