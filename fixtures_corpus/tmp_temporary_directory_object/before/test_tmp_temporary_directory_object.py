import os
import tempfile
import unittest

WORKSPACE = None


def setUpModule():
    global WORKSPACE
    WORKSPACE = tempfile.TemporaryDirectory(prefix="ws-")


def tearDownModule():
    WORKSPACE.cleanup()


class HoldsTheObject(unittest.TestCase):
    def setUp(self):
        self.holder = tempfile.TemporaryDirectory()
        self.scratch = [tempfile.mkdtemp(suffix=f"-{n}") for n in range(2)]
        with open(os.path.join(self.holder.name, "seed.txt"), "w") as f:
            f.write("seed")

        def make_later():
            # Runs only when a test calls it: left as it is.
            return tempfile.mkdtemp()

        self.make_later = make_later

    def tearDown(self):
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
    @classmethod
    def setUpClass(cls):
        cls.shared = tempfile.TemporaryDirectory(suffix="-shared")
        cls.addClassCleanup(cls.shared.cleanup)

    def test_shared(self):
        self.assertTrue(self.shared.name.endswith("-shared"))
        self.assertTrue(os.path.isdir(self.shared.name))
