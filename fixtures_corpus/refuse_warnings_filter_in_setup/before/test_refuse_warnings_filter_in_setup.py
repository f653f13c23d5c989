import unittest
import warnings


class WarningsAreErrors(unittest.TestCase):
    def setUp(self):
        self.guard = warnings.catch_warnings()
        self.guard.__enter__()
        warnings.simplefilter("error")

    def tearDown(self):
        self.guard.__exit__(None, None, None)

    def test_warning_raises(self):
        with self.assertRaises(UserWarning):
            warnings.warn("becomes an error", UserWarning)
