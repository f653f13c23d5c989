import unittest

RAN = []


class BrokenSetup(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        # the cleanup registered before the failure must have run
        assert RAN == ["cleanup"], RAN

    def setUp(self):
        self.addCleanup(RAN.append, "cleanup")
        raise RuntimeError("setUp fails after registering a cleanup")

    def tearDown(self):
        RAN.append("tearDown must not run")

    def test_never_runs(self):
        pass
