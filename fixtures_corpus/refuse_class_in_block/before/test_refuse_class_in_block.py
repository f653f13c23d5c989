import sys
import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.base = True


if sys.version_info >= (3,):

    class Override(Base):
        """setUp without super(): Base.setUp must not run for it."""

        def setUp(self):
            self.own = True

        def test_only_own_setup(self):
            self.assertTrue(self.own)
            self.assertFalse(hasattr(self, "base"))

else:  # pragma: no cover

    class Override(Base):
        pass


try:

    class Inherits(Base):
        def test_base_setup(self):
            self.assertTrue(self.base)

except ImportError:  # pragma: no cover
    pass
