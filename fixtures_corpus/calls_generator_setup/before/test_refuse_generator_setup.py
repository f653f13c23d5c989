import unittest


class GeneratorSetup(unittest.TestCase):
    def setUp(self):
        self.ran = True
        yield

    def test_setup_never_ran(self):
        self.assertFalse(hasattr(self, "ran"))
