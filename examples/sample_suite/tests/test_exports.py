import os
import shutil
import tempfile
import unittest


class ExportTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.archive = tempfile.mkdtemp(prefix="archive-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.archive)

    def setUp(self):
        self.out = tempfile.mkdtemp()
        self.old_format = os.environ.get("SAMPLE_EXPORT_FORMAT")
        os.environ["SAMPLE_EXPORT_FORMAT"] = "csv"

    def tearDown(self):
        shutil.rmtree(self.out)
        if self.old_format is None:
            os.environ.pop("SAMPLE_EXPORT_FORMAT", None)
        else:
            os.environ["SAMPLE_EXPORT_FORMAT"] = self.old_format

    def test_export_writes_one_file(self):
        path = os.path.join(self.out, "orders." + os.environ["SAMPLE_EXPORT_FORMAT"])
        with open(path, "w") as f:
            f.write("id\n")
        self.assertEqual(os.listdir(self.out), ["orders.csv"])

    def test_archive_is_shared_by_the_class(self):
        self.assertTrue(os.path.basename(self.archive).startswith("archive-"))
