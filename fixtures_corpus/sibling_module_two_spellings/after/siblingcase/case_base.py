import unittest

import pytest


class ResourceCase(unittest.TestCase):
    @pytest.fixture(autouse=True)
    def _resource_case_setup(self):
        self.events = ["base setUp"]
        yield
        self.events.append("base tearDown")
