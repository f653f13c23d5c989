import pytest

from pkgcase_hierarchy import base


class IsolatedTests(base.ServiceTestCase):
    # setUp does not call super(): the parent fixtures must not run.
    _service_test_case_setup = None
    @pytest.fixture(autouse=True)
    def _isolated_tests_setup(self):
        self.isolated = True
        yield
        self.isolated = False

    def test_isolated(self):
        self.assertFalse(hasattr(self, "service"))
