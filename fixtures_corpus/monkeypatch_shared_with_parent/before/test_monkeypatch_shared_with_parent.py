import os
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


class Base(unittest.TestCase):
    def setUp(self):
        self.old_cwd = os.getcwd()
        os.chdir(HERE)

    def tearDown(self):
        # The child's tearDown has put its variable back before this runs.
        self.assertNotEqual(os.environ.get("MF_CORPUS_CHILD"), "1")
        os.chdir(self.old_cwd)


class TestChild(Base):
    def setUp(self):
        super().setUp()
        self.old_value = os.environ.get("MF_CORPUS_CHILD")
        os.environ["MF_CORPUS_CHILD"] = "1"

    def tearDown(self):
        if self.old_value is None:
            os.environ.pop("MF_CORPUS_CHILD", None)
        else:
            os.environ["MF_CORPUS_CHILD"] = self.old_value
        super().tearDown()

    def test_both(self):
        self.assertEqual(os.getcwd(), HERE)
        self.assertEqual(os.environ["MF_CORPUS_CHILD"], "1")
