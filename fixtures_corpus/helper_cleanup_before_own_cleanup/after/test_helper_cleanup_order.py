import contextlib
import os
import shutil
import tempfile
import unittest

import pytest

EVENTS = []


class TempDirMixin:
    def make_dir(self):
        path = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, path)
        return path


class OpenFileInDir(TempDirMixin, unittest.TestCase):
    """The helper's cleanup (remove the folder) was registered first, so unittest ran it
    last, after the file inside it was closed and unlinked."""

    @pytest.fixture(autouse=True)
    def _open_file_in_dir_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self.folder = self.make_dir()
            self.handle = tempfile.NamedTemporaryFile(dir=self.folder)
            cleanups.callback(self.handle.close)
            yield

    def test_file_is_in_folder(self):
        self.assertEqual(os.path.dirname(self.handle.name), self.folder)


class Order(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _order_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self.register("helper cleanup")
            cleanups.callback(EVENTS.append, "own cleanup")
            yield

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

    @pytest.fixture(autouse=True)
    def _checked_base_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            self.ran = []
            self.register_check()
            yield

    def register_check(self):
        self.addCleanup(self.check_order)

    def check_order(self):
        if self.ran != ["child cleanup"]:
            raise RuntimeError(f"cleanups ran out of order: {self.ran}")


class CheckedChild(CheckedBase):
    @pytest.fixture(autouse=True)
    def _checked_child_setup(self, _checked_base_setup):
        self.addCleanup(self.ran.append, "child cleanup")

    def test_child(self):
        self.assertEqual(self.ran, [])
