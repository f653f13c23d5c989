import os

import pytest

from pkg.testing import EVENTS, StoreTests

from . import TestCase


class DiskTests(StoreTests, TestCase):
    # unittest runs this class's own lifecycle, which calls its parents': no parent fixture.
    _test_case_setup = None

    torn = "store teardown"

    def setUp(self):
        self._test_case_set_up()
        EVENTS.append("setup disk")

    def tearDown(self):
        TestCase.tearDown(self)
        StoreTests.tearDown(self)

    def test_env(self):
        self.assertEqual(os.environ["MF_KEPT"], "1")
        self.assertEqual(EVENTS[-2:], ["setup base", "setup disk"])


class FancyTests(TestCase):
    torn = "teardown fancy"

    @pytest.fixture(autouse=True)
    def _fancy_tests_setup(self, _test_case_setup):
        EVENTS.append("setup fancy")
        yield
        EVENTS.append("teardown fancy")

    def test_env(self):
        self.assertEqual(os.environ["MF_KEPT"], "1")
        self.assertEqual(EVENTS[-2:], ["setup base", "setup fancy"])


class PlainTests(TestCase):
    def test_env(self):
        self.assertEqual(EVENTS[-1], "setup base")
