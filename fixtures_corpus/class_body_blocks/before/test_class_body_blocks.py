import unittest

ASYNC = False


class BlockTests(unittest.TestCase):
    def setUp(self):
        if self._testMethodName == "test_skipped_in_block":
            raise RuntimeError("setUp ran for a test unittest skips first")
        self.log = []
        self.addCleanup(self.check)

    def check(self):
        # Registered first, so it runs last: after tearDown and the helper's cleanup.
        expected = ["teardown", "helper cleanup"] if self.helped else ["teardown"]
        assert self.log == expected, self.log

    def tearDown(self):
        self.log.append("teardown")

    helped = False

    if not ASYNC:

        def register(self):
            self.helped = True
            self.addCleanup(self.log.append, "helper cleanup")

        @unittest.skip("skipped before setUp")
        def test_skipped_in_block(self):
            pass

    def test_helper_cleanup_after_teardown(self):
        self.register()

    def test_plain(self):
        self.assertEqual(self.log, [])

