import unittest


class Recorded(unittest.TestCase):
    @property
    def outcome_seen(self):
        # unittest sets self._outcome while run() runs setUp, the test and tearDown only.
        return self._outcome is not None

    def tearDown(self):
        assert self.outcome_seen, "tearDown ran outside unittest's run()"


class Child(Recorded):
    def setUp(self):
        # The setUp reads it too (through the property): it cannot move out of run() either.
        self.ready = self.outcome_seen

    def test_ready(self):
        self.assertTrue(self.ready)
