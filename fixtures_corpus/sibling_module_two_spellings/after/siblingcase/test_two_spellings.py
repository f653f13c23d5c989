import unittest

import pytest

# The helper module next to this file, under its package name or, when this folder is on
# sys.path (a script run), under its flat name: one file either way.
try:
    from siblingcase import case_base
except ImportError:
    import case_base

try:
    from siblingcase.case_base import ResourceCase
except ImportError:
    from case_base import ResourceCase


class ChildTests(ResourceCase):
    @pytest.fixture(autouse=True)
    def _child_tests_setup(self, _resource_case_setup):
        self.events.append("child setUp")
        yield
        self.events.append("child tearDown")
        assert self.events == ["base setUp", "child setUp", "test", "child tearDown"]

    def test_events(self):
        self.events.append("test")
        self.assertEqual(self.events, ["base setUp", "child setUp", "test"])


class ModuleSpelledTests(case_base.ResourceCase):
    def test_base_only(self):
        self.assertEqual(self.events, ["base setUp"])


if __name__ == "__main__":
    unittest.main()
