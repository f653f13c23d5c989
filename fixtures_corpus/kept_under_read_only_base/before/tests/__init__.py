import os
import unittest

from pkg.testing import EVENTS


class TestCase(unittest.TestCase):
    def setUp(self):
        super().setUp()
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
