import unittest


class LoggingMixin:
    """Its setUp is never reached for the classes below: TestCase.setUp calls no super()."""

    def setUp(self):
        self.mixin_ran = True
        super().setUp()


class ProjectBase(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.base_ran = True


class AfterTestCase(ProjectBase, LoggingMixin):
    def setUp(self):
        super().setUp()
        self.own = True

    def test_mixin_not_reached(self):
        self.assertTrue(self.base_ran and self.own)
        self.assertFalse(hasattr(self, "mixin_ran"))
