from helpers.compat import Case, unittest


class ThroughModule(unittest.TestCase):
    def setUp(self):
        self.ready = "module"

    def test_ready(self):
        self.assertEqual(self.ready, "module")


class ThroughName(Case):
    def setUp(self):
        self.ready = "name"

    def tearDown(self):
        del self.ready

    def test_ready(self):
        self.assertEqual(self.ready, "name")
