from pkgcase_hierarchy import base


class IsolatedTests(base.ServiceTestCase):
    def setUp(self):
        self.isolated = True

    def tearDown(self):
        self.isolated = False

    def test_isolated(self):
        self.assertFalse(hasattr(self, "service"))
