import pytest

from helpers.compat import Case, unittest


class ThroughModule(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _through_module_setup(self):
        self.ready = "module"

    def test_ready(self):
        self.assertEqual(self.ready, "module")


class ThroughName(Case):
    @pytest.fixture(autouse=True)
    def _through_name_setup(self):
        self.ready = "name"
        yield
        del self.ready

    def test_ready(self):
        self.assertEqual(self.ready, "name")
