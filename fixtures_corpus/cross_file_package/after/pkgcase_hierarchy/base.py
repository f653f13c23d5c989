import unittest

import pytest


class ServiceTestCase(unittest.TestCase):
    """Shared base: not a test module itself."""

    @pytest.fixture(autouse=True)
    def _service_test_case_setup(self):
        self.service = {"calls": []}
        yield
        # subclasses append their teardown before this runs
        assert self.service["calls"][-1:] in ([], ["sub-down"]), self.service
