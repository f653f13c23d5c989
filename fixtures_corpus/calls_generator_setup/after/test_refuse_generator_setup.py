import unittest

import pytest


class GeneratorSetup(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _generator_setup_setup(self):
        self._generator_setup_set_up()

    def _generator_setup_set_up(self):
        self.ran = True
        yield

    def test_setup_never_ran(self):
        self.assertFalse(hasattr(self, "ran"))
