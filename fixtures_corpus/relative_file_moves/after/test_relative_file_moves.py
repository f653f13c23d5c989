import os
import sqlite3
import unittest

import pytest


class WritesAReport(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _writes_a_report_setup(self, tmp_path_factory):
        self.report = str(tmp_path_factory.getbasetemp() / "mf_corpus_report.txt")
        with open(self.report, "w") as f:
            f.write("header\n")
        yield
        os.remove(self.report)

    def test_append(self):
        with open(self.report, "a") as f:
            f.write("row\n")
        with open(self.report) as f:
            self.assertEqual(f.read(), "header\nrow\n")

    def test_only_the_header(self):
        self.assertIsInstance(self.report, str)
        with open(self.report) as f:
            self.assertEqual(f.read(), "header\n")


class UsesADatabase(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _uses_a_database_class_setup(cls, tmp_path_factory):
        cls.db_path = str(tmp_path_factory.getbasetemp() / "mf_corpus_shared.db")
        cls.db = sqlite3.connect(cls.db_path)
        cls.db.execute("create table t (x)")
        yield
        cls.db.close()
        os.remove(cls.db_path)

    def test_insert(self):
        self.db.execute("insert into t values (1)")
        self.assertTrue(os.path.isfile(self.db_path))


class NamedTwice(unittest.TestCase):
    # The name is also spelled in a test: it may mean the file in the working directory.
    @pytest.fixture(autouse=True)
    def _named_twice_setup(self):
        self.out = "mf_corpus_named_twice.txt"
        with open(self.out, "w") as f:
            f.write("x")
        yield
        os.remove(self.out)

    def test_in_the_working_directory(self):
        self.assertTrue(os.path.exists("mf_corpus_named_twice.txt"))
