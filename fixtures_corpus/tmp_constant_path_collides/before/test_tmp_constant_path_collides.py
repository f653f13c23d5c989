import os
import tempfile
import time
import unittest

LOCK = os.path.join(tempfile.gettempdir(), "mf_corpus_constant_collision.lock")


class HoldsALockFileFromAConstant(unittest.TestCase):
    def setUp(self):
        self.lock = LOCK
        # exclusive create: two workers holding the same path at once fail here
        self.fd = os.open(self.lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)

    def tearDown(self):
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
