import logging
import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.base = True

    def test_base(self):
        self.assertTrue(self.base)


class Handled(Base):
    def setUp(self):
        parent_setup = super().setUp
        parent_setup()
        self.handler = logging.NullHandler()
        logging.root.addHandler(self.handler)
        self.addCleanup(logging.root.removeHandler, self.handler)

    def test_handled(self):
        self.assertIn(self.handler, logging.root.handlers)
        self.assertTrue(self.base)
