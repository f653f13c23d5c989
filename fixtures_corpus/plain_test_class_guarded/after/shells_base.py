import unittest

import pytest


class TestShellBase:
    """pytest collects this class too (imported into a test module): a plain class."""

    shell = None

    @pytest.fixture(autouse=True)
    def _test_shell_base_setup(self):
        # pytest also collects TestShellBase as a plain class: its tests ran without setUp.
        if not hasattr(self, "_testMethodName"):
            yield
            return
        self.shell = "bash"
        yield
        self.shell = None

    def test_shell(self):
        expected = "bash" if isinstance(self, unittest.TestCase) else None
        assert self.shell == expected
