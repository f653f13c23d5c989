import unittest


class Common(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.common = True


class Middle(Common):
    def setUp(self):
        super().setUp()
        self.middle = True


class SkipsCommon(Common):
    """super(Common, self) starts after Common: Common.setUp does not run."""

    def setUp(self):
        self.own = True
        super(Common, self).setUp()

    def test_common_skipped(self):
        self.assertTrue(self.own)
        self.assertFalse(hasattr(self, "common"))


class SkipsMiddle(Middle):
    """super(Middle, self) reaches Common.setUp."""

    def setUp(self):
        super(Middle, self).setUp()

    def test_only_common(self):
        self.assertTrue(self.common)
        self.assertFalse(hasattr(self, "middle"))
