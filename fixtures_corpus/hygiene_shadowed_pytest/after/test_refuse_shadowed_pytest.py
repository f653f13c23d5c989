import unittest

import pytest as pytest_

pytest = "not the pytest module"


class Shadowed(unittest.TestCase):
    @pytest_.fixture(autouse=True)
    def _shadowed_setup(self):
        self.name = pytest

    def test_name(self):
        self.assertEqual(self.name, "not the pytest module")
