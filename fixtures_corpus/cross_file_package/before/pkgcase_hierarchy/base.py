import unittest


class ServiceTestCase(unittest.TestCase):
    """Shared base: not a test module itself."""

    def setUp(self):
        self.service = {"calls": []}

    def tearDown(self):
        # subclasses append their teardown before this runs
        assert self.service["calls"][-1:] in ([], ["sub-down"]), self.service
