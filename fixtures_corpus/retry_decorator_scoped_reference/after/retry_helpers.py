"""A test decorator that reruns the test's lifecycle when the test fails once."""

import functools

EVENTS = []


def retry(fun):
    @functools.wraps(fun)
    def wrapper(self, *args, **kwargs):
        try:
            return fun(self, *args, **kwargs)
        except AssertionError:
            self.tearDown()
            self.setUp()
            return fun(self, *args, **kwargs)

    return wrapper
