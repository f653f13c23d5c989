from .base import ServiceTestCase


class UserServiceTests(ServiceTestCase):
    def setUp(self):
        super().setUp()
        self.service["calls"].append("users")

    def tearDown(self):
        self.service["calls"].append("sub-down")
        super().tearDown()

    def test_users(self):
        self.assertEqual(self.service["calls"], ["users"])
