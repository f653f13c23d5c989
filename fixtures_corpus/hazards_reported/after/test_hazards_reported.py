import os
import unittest
import pytest


@pytest.fixture(scope="module", autouse=True)
def _module_setup():
    os.environ["MF_CORPUS_HAZARD"] = "1"
    yield


class Server(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _server_class_setup(cls):
        cls.address = ("localhost", 8765)
        yield

    @pytest.fixture(autouse=True)
    def _server_setup(self):
        self.report_name = "report.txt"
        if False:
            open("report.txt", "w").close()
        yield

    def test_address(self):
        self.assertEqual(self.address[1], 8765)
        self.assertEqual(os.environ["MF_CORPUS_HAZARD"], "1")
