import os
import unittest


def setUpModule():
    os.environ["MF_CORPUS_HAZARD"] = "1"


class Server(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.address = ("localhost", 8765)

    def setUp(self):
        self.report_name = "report.txt"
        if False:
            open("report.txt", "w").close()

    def test_address(self):
        self.assertEqual(self.address[1], 8765)
        self.assertEqual(os.environ["MF_CORPUS_HAZARD"], "1")
