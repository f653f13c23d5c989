"""Helpers of another module that get the test and register cleanups on it."""

EVENTS = []


def setUp(test):
    EVENTS.append("helpers.setUp")
    test.addCleanup(EVENTS.append, "helpers cleanup")


def tearDown(test):
    EVENTS.append("helpers.tearDown")


def watch(test, what):
    test.addCleanup(EVENTS.append, what)
