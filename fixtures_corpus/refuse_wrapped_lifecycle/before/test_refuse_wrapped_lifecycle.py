import unittest

STATE = {"in_transaction": False}


class TransactionCase(unittest.TestCase):
    """setUp, the test and tearDown all run inside run(): a fixture would run outside."""

    def run(self, result=None):
        STATE["in_transaction"] = True
        try:
            return super().run(result)
        finally:
            STATE["in_transaction"] = False

    def setUp(self):
        self.seen_in_setup = STATE["in_transaction"]


class UsesTransaction(TransactionCase):
    def test_setup_ran_inside(self):
        self.assertTrue(self.seen_in_setup)


class WithMeta(type):
    pass


class MetaCase(unittest.TestCase, metaclass=WithMeta):
    def setUp(self):
        self.ready = True

    def test_ready(self):
        self.assertTrue(self.ready)


def frozen(cls):
    """Wraps setUp, as freezegun's @freeze_time does for a TestCase class."""
    original = cls.setUp

    def setUp(self):
        self.frozen = True
        original(self)

    cls.setUp = setUp
    return cls


@frozen
class Decorated(unittest.TestCase):
    def setUp(self):
        self.ready = True

    def test_frozen_during_setup(self):
        self.assertTrue(self.frozen and self.ready)
