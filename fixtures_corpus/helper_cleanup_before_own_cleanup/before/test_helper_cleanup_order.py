import os
import shutil
import tempfile
import unittest

EVENTS = []


class TempDirMixin:
    def make_dir(self):
        path = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, path)
        return path


class OpenFileInDir(TempDirMixin, unittest.TestCase):
    """The helper's cleanup (remove the folder) was registered first, so unittest ran it
    last, after the file inside it was closed and unlinked."""

    def setUp(self):
        self.folder = self.make_dir()
        self.handle = tempfile.NamedTemporaryFile(dir=self.folder)
        self.addCleanup(self.handle.close)

    def test_file_is_in_folder(self):
        self.assertEqual(os.path.dirname(self.handle.name), self.folder)


class Order(unittest.TestCase):
    def setUp(self):
        self.register("helper cleanup")
        self.addCleanup(EVENTS.append, "own cleanup")

    def register(self, what):
        self.addCleanup(EVENTS.append, what)

    def test_runs(self):
        EVENTS.clear()


class OrderSeen(unittest.TestCase):
    def test_order(self):
        if EVENTS:  # Order ran first in this process
            self.assertEqual(EVENTS, ["own cleanup", "helper cleanup"])


class CheckedBase(unittest.TestCase):
    """Its setUp has a helper register a check that must run last, after every cleanup a
    subclass's setUp registers."""

    def setUp(self):
        self.ran = []
        self.register_check()

    def register_check(self):
        self.addCleanup(self.check_order)

    def check_order(self):
        if self.ran != ["child cleanup"]:
            raise RuntimeError(f"cleanups ran out of order: {self.ran}")


class CheckedChild(CheckedBase):
    def setUp(self):
        super().setUp()
        self.addCleanup(self.ran.append, "child cleanup")

    def test_child(self):
        self.assertEqual(self.ran, [])
