import unittest

import pytest


class Common(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _common_setup(self):
        self._common_set_up()

    def _common_set_up(self):
        self.common = True


class Middle(Common):
    # The methods below call their parents' own: the parent fixtures must not run.
    _common_setup = None

    @pytest.fixture(autouse=True)
    def _middle_setup(self):
        self._middle_set_up()

    def _middle_set_up(self):
        self._common_set_up()
        self.middle = True


class SkipsCommon(Common):
    """super(Common, self) starts after Common: Common.setUp does not run."""

    # The methods below call their parents' own: the parent fixtures must not run.
    _common_setup = None

    @pytest.fixture(autouse=True)
    def _skips_common_setup(self):
        self._skips_common_set_up()

    def _skips_common_set_up(self):
        self.own = True

    def test_common_skipped(self):
        self.assertTrue(self.own)
        self.assertFalse(hasattr(self, "common"))


class SkipsMiddle(Middle):
    """super(Middle, self) reaches Common.setUp."""

    # The methods below call their parents' own: the parent fixtures must not run.
    _middle_setup = _common_setup = None

    @pytest.fixture(autouse=True)
    def _skips_middle_setup(self):
        self._skips_middle_set_up()

    def _skips_middle_set_up(self):
        self._common_set_up()

    def test_only_common(self):
        self.assertTrue(self.common)
        self.assertFalse(hasattr(self, "middle"))
