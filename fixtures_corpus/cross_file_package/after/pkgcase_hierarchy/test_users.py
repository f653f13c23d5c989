import pytest

from .base import ServiceTestCase


class UserServiceTests(ServiceTestCase):
    @pytest.fixture(autouse=True)
    def _user_service_tests_setup(self, _service_test_case_setup):
        self.service["calls"].append("users")
        yield
        self.service["calls"].append("sub-down")

    def test_users(self):
        self.assertEqual(self.service["calls"], ["users"])
