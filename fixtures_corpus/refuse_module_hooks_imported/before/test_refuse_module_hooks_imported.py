import unittest

from test_hooks_shared import STATE, setUpModule, tearDownModule  # noqa: F401


class UsesHooks(unittest.TestCase):
    def test_module_setup_ran(self):
        self.assertIn("up", STATE)
