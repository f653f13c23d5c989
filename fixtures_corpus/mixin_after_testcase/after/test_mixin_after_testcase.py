import unittest

import pytest


class LoggingMixin:
    """Its setUp is never reached for the classes below: TestCase.setUp calls no super()."""

    def setUp(self):
        self.mixin_ran = True
        super().setUp()


class ProjectBase(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _project_base_setup(self):
        self.base_ran = True


class AfterTestCase(ProjectBase, LoggingMixin):
    @pytest.fixture(autouse=True)
    def _after_test_case_setup(self, _project_base_setup):
        self.own = True

    def test_mixin_not_reached(self):
        self.assertTrue(self.base_ran and self.own)
        self.assertFalse(hasattr(self, "mixin_ran"))
