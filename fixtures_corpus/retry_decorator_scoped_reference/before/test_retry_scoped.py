import unittest

from retry_helpers import EVENTS, retry


class Flaky(unittest.TestCase):
    attempts = 0

    def setUp(self):
        EVENTS.append("flaky setUp")

    def tearDown(self):
        EVENTS.append("flaky tearDown")

    @retry
    def test_second_time(self):
        type(self).attempts += 1
        self.assertGreater(type(self).attempts, 1)
        self.assertEqual(EVENTS[-2:], ["flaky tearDown", "flaky setUp"])


class Steady(unittest.TestCase):
    def setUp(self):
        self.value = 1

    def tearDown(self):
        EVENTS.append("steady tearDown")

    def test_value(self):
        self.assertEqual(self.value, 1)
