"""A TestCase with a lifecycle of its own, importable only where its dependency is."""

import unittest

EVENTS: list[str] = []


class FancyTestCase(unittest.TestCase):
    def setUp(self):
        EVENTS.append("fancy setUp")


def slow(cls):
    return cls
