import contextlib
import os
import tempfile
import unittest

import pytest

WORKSPACE = None


@pytest.fixture(scope="module", autouse=True)
def _module_setup(tmp_path_factory):
    global WORKSPACE
    WORKSPACE = tempfile.TemporaryDirectory(prefix="ws-", dir=tmp_path_factory.mktemp("WORKSPACE"))
    yield
    WORKSPACE.cleanup()


class HoldsTheObject(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _holds_the_object_setup(self, tmp_path):
        self.holder = tempfile.TemporaryDirectory(dir=tmp_path)
        self.scratch = [tempfile.mkdtemp(suffix=f"-{n}", dir=tmp_path) for n in range(2)]
        with open(os.path.join(self.holder.name, "seed.txt"), "w") as f:
            f.write("seed")

        def make_later():
            # Runs only when a test calls it: left as it is.
            return tempfile.mkdtemp()

        self.make_later = make_later
        yield
        for path in self.scratch:
            os.rmdir(path)
        self.holder.cleanup()

    def test_name_is_a_str_directory_with_the_seed(self):
        self.assertIsInstance(self.holder.name, str)
        self.assertEqual(os.listdir(self.holder.name), ["seed.txt"])

    def test_cleanup_removes_it(self):
        self.holder.cleanup()
        self.assertFalse(os.path.exists(self.holder.name))

    def test_scratch_directories_are_distinct_and_empty(self):
        first, second = self.scratch
        self.assertNotEqual(first, second)
        self.assertTrue(first.endswith("-0") and second.endswith("-1"))
        self.assertEqual(os.listdir(first) + os.listdir(second), [])

    def test_module_workspace(self):
        self.assertTrue(os.path.basename(WORKSPACE.name).startswith("ws-"))
        self.assertTrue(os.path.isdir(WORKSPACE.name))


class SharedByTheClass(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _shared_by_the_class_class_setup(cls, tmp_path_factory):
        with contextlib.ExitStack() as cleanups:
            cls.shared = tempfile.TemporaryDirectory(suffix="-shared", dir=tmp_path_factory.mktemp("shared"))
            cleanups.callback(cls.shared.cleanup)
            yield

    def test_shared(self):
        self.assertTrue(self.shared.name.endswith("-shared"))
        self.assertTrue(os.path.isdir(self.shared.name))
