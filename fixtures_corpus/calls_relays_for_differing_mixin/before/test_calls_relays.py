import functools
import unittest

EVENTS = []


def skip_unless(condition):
    """A decorator factory: the setUp it wraps must stay a method (calls style)."""

    def decorate(func):
        @functools.wraps(func)
        def wrapped(*args, **kwargs):
            if not condition:
                raise unittest.SkipTest("requirement missing")
            return func(*args, **kwargs)

        return wrapped

    return decorate


class Limited(unittest.TestCase):
    def setUp(self):
        EVENTS.append("setup limited")

    def tearDown(self):
        # What unittest ran before this teardown, per test class (see ``torn``).
        torn = getattr(self, "torn", [])
        assert EVENTS[len(EVENTS) - len(torn) :] == torn, EVENTS
        EVENTS.append("teardown limited")


class Pool:
    def setUp(self):
        EVENTS.append("setup pool")
        super().setUp()

    def tearDown(self):
        super().tearDown()
        EVENTS.append("teardown pool")


class Raw(Limited):
    def setUp(self):
        super().setUp()
        EVENTS.append("setup raw")


class Mysql:
    @skip_unless(True)
    def setUp(self):
        EVENTS.append("setup mysql")
        super().setUp()

    def tearDown(self):
        EVENTS.append("teardown mysql")
        super().tearDown()

    def test_order(self):
        self.assertEqual(EVENTS[-len(self.expected) :], self.expected)


class Missing:
    @skip_unless(False)
    def setUp(self):
        EVENTS.append("setup missing")
        super().setUp()

    def test_never(self):
        raise AssertionError("skipped in setUp")


class TestMysqlPool(Mysql, Pool, Limited):
    expected = ["setup mysql", "setup pool", "setup limited"]
    torn = ["setup limited", "teardown mysql"]


class TestMysqlRaw(Mysql, Raw):
    expected = ["setup mysql", "setup limited", "setup raw"]
    torn = ["setup raw", "teardown mysql"]


class TestPool(Pool, Limited):
    def test_pool(self):
        self.assertEqual(EVENTS[-2:], ["setup pool", "setup limited"])


class TestMissingRaw(Missing, Raw):
    pass


class TestMissingPool(Missing, Pool, Limited):
    pass
