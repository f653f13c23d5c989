import os
import time
import unittest

import pytest


class HoldsALockFile(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _holds_a_lock_file_setup(self, tmp_path_factory):
        self.lock = str(tmp_path_factory.getbasetemp() / "mf_corpus_collision.lock")
        # exclusive create: two workers holding the same path at once fail here
        self.fd = os.open(self.lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        yield
        os.close(self.fd)
        os.remove(self.lock)

    def test_a(self):
        time.sleep(0.5)

    def test_b(self):
        time.sleep(0.5)

    def test_c(self):
        time.sleep(0.5)

    def test_d(self):
        time.sleep(0.5)

    def test_e(self):
        time.sleep(0.5)

    def test_f(self):
        time.sleep(0.5)

    def test_g(self):
        time.sleep(0.5)

    def test_h(self):
        time.sleep(0.5)
