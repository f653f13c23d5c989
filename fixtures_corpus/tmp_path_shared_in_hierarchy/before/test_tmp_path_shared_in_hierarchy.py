import os
import shutil
import tempfile
import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.base_dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.base_dir)


class TestChild(Base):
    def setUp(self):
        super().setUp()
        self.child_dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.child_dir)
        super().tearDown()

    def test_two_distinct_empty_directories(self):
        self.assertNotEqual(self.base_dir, self.child_dir)
        self.assertEqual(os.listdir(self.base_dir), [])
        self.assertEqual(os.listdir(self.child_dir), [])


class TestBase(Base):
    def test_empty(self):
        self.assertEqual(os.listdir(self.base_dir), [])


class Alone(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp()

    def test_empty(self):
        self.assertEqual(os.listdir(self.work), [])
