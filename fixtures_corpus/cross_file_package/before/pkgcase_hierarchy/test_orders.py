from pkgcase_hierarchy.base import ServiceTestCase


class OrderServiceTests(ServiceTestCase):
    def test_orders(self):
        self.assertEqual(self.service["calls"], [])
