import unittest


def skip_opaquely(func):
    # A skip the tool cannot read: a test class that runs it under a fixture must check it.
    return unittest.skip("skipped by a custom decorator")(func)


class RecordingMixin:
    def setUp(self):
        super().setUp()
        if self._testMethodName == "test_skipped":
            raise RuntimeError("setUp ran for a test unittest skips first")
        self.log = ["mixin setUp"]

    def tearDown(self):
        self.log.append("mixin tearDown")
        assert self.log[0] == "mixin setUp", self.log
        super().tearDown()


def _make_case():
    # A class made by a function and bound at module level: pytest collects it as Made.
    class Case(RecordingMixin, unittest.TestCase):
        def test_made(self):
            self.assertEqual(self.log[0], "mixin setUp")

    return Case


Made = _make_case()


class Sub(Made):
    # Its MRO runs through the made class to RecordingMixin: it is one of its users.
    def setUp(self):
        super().setUp()
        self.log.append("sub setUp")

    def test_sub(self):
        self.assertEqual(self.log, ["mixin setUp", "sub setUp"])

    @skip_opaquely
    def test_skipped(self):
        raise AssertionError("never runs")
