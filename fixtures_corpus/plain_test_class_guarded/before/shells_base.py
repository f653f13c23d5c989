import unittest


class TestShellBase:
    """pytest collects this class too (imported into a test module): a plain class."""

    shell = None

    def setUp(self):
        self.shell = "bash"

    def tearDown(self):
        self.shell = None

    def test_shell(self):
        expected = "bash" if isinstance(self, unittest.TestCase) else None
        assert self.shell == expected
