import unittest


class BodyCleanups(unittest.TestCase):
    def setUp(self):
        self.log = []
        self.addCleanup(self.verify)

    def verify(self):
        # setUp's cleanup was registered first, so it runs after the body's
        assert self.log == ["body cleanup"], self.log

    def test_registers(self):
        self.addCleanup(self.log.append, "body cleanup")
