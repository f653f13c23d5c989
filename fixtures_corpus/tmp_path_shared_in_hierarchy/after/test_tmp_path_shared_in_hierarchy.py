import os
import unittest

import pytest


class Base(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _base_setup(self, tmp_path_factory):
        self.base_dir = str(tmp_path_factory.mktemp("base_dir"))


class TestChild(Base):
    @pytest.fixture(autouse=True)
    def _test_child_setup(self, _base_setup, tmp_path_factory):
        self.child_dir = str(tmp_path_factory.mktemp("child_dir"))

    def test_two_distinct_empty_directories(self):
        self.assertNotEqual(self.base_dir, self.child_dir)
        self.assertEqual(os.listdir(self.base_dir), [])
        self.assertEqual(os.listdir(self.child_dir), [])


class TestBase(Base):
    def test_empty(self):
        self.assertEqual(os.listdir(self.base_dir), [])


class Alone(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _alone_setup(self, tmp_path):
        self.work = str(tmp_path)

    def test_empty(self):
        self.assertEqual(os.listdir(self.work), [])
