import contextlib
import unittest

import pytest

ASYNC = False


class BlockTests(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _block_tests_setup(self):
        with contextlib.ExitStack() as cleanups:
            # Cleanups registered on the test run after the teardown, as before.
            self.addCleanup = cleanups.callback
            if self._testMethodName == "test_skipped_in_block":
                raise RuntimeError("setUp ran for a test unittest skips first")
            self.log = []
            cleanups.callback(self.check)
            yield
            self.log.append("teardown")

    def check(self):
        # Registered first, so it runs last: after tearDown and the helper's cleanup.
        expected = ["teardown", "helper cleanup"] if self.helped else ["teardown"]
        assert self.log == expected, self.log

    helped = False

    if not ASYNC:

        def register(self):
            self.helped = True
            self.addCleanup(self.log.append, "helper cleanup")

        @pytest.mark.skip(reason="skipped before setUp")
        def test_skipped_in_block(self):
            pass

    def test_helper_cleanup_after_teardown(self):
        self.register()

    def test_plain(self):
        self.assertEqual(self.log, [])

