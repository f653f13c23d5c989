import functools
import unittest

import pytest

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
    @pytest.fixture(autouse=True)
    def _limited_setup(self):
        self._limited_set_up()
        yield
        self._limited_tear_down()

    def _limited_set_up(self):
        EVENTS.append("setup limited")

    def _limited_tear_down(self):
        # What unittest ran before this teardown, per test class (see ``torn``).
        torn = getattr(self, "torn", [])
        assert EVENTS[len(EVENTS) - len(torn) :] == torn, EVENTS
        EVENTS.append("teardown limited")


class Pool:
    # The methods below call their parents' own: the parent fixtures must not run.
    _limited_setup = None

    @pytest.fixture(autouse=True)
    def _pool_setup(self):
        self._pool_set_up()
        yield
        self._pool_tear_down()

    def _pool_set_up(self):
        EVENTS.append("setup pool")
        self._limited_set_up()

    def _pool_tear_down(self):
        self._limited_tear_down()
        EVENTS.append("teardown pool")


class Raw(Limited):
    # The methods below call their parents' own: the parent fixtures must not run.
    _limited_setup = None

    @pytest.fixture(autouse=True)
    def _raw_setup(self):
        self._raw_set_up()
        yield
        self._limited_tear_down()

    def _raw_set_up(self):
        self._limited_set_up()
        EVENTS.append("setup raw")


class Mysql:
    # The methods below call their parents' own: the parent fixtures must not run.
    _pool_setup = _limited_setup = _raw_setup = None

    @pytest.fixture(autouse=True)
    def _mysql_setup(self):
        self._mysql_set_up()
        yield
        self._mysql_tear_down()

    @skip_unless(True)
    def _mysql_set_up(self):
        EVENTS.append("setup mysql")
        self._mysql_next_set_up()

    def _mysql_tear_down(self):
        EVENTS.append("teardown mysql")
        self._mysql_next_tear_down()

    def test_order(self):
        self.assertEqual(EVENTS[-len(self.expected) :], self.expected)


class Missing:
    # The methods below call their parents' own: the parent fixtures must not run.
    _raw_setup = _limited_setup = _pool_setup = None

    @pytest.fixture(autouse=True)
    def _missing_setup(self):
        self._missing_set_up()
        yield
        self._missing_next_tear_down()

    @skip_unless(False)
    def _missing_set_up(self):
        EVENTS.append("setup missing")
        self._missing_next_set_up()

    def test_never(self):
        raise AssertionError("skipped in setUp")


class TestMysqlPool(Mysql, Pool, Limited):
    expected = ["setup mysql", "setup pool", "setup limited"]
    torn = ["setup limited", "teardown mysql"]

    def _mysql_next_set_up(self):
        """After Mysql, setUp() reaches Pool here."""
        self._pool_set_up()

    def _mysql_next_tear_down(self):
        """After Mysql, tearDown() reaches Pool here."""
        self._pool_tear_down()


class TestMysqlRaw(Mysql, Raw):
    expected = ["setup mysql", "setup limited", "setup raw"]
    torn = ["setup raw", "teardown mysql"]

    def _mysql_next_set_up(self):
        """After Mysql, setUp() reaches Raw here."""
        self._raw_set_up()

    def _mysql_next_tear_down(self):
        """After Mysql, tearDown() reaches Limited here."""
        self._limited_tear_down()


class TestPool(Pool, Limited):
    def test_pool(self):
        self.assertEqual(EVENTS[-2:], ["setup pool", "setup limited"])


class TestMissingRaw(Missing, Raw):
    def _missing_next_set_up(self):
        """After Missing, setUp() reaches Raw here."""
        self._raw_set_up()

    def _missing_next_tear_down(self):
        """After Missing, tearDown() reaches Limited here."""
        self._limited_tear_down()


class TestMissingPool(Missing, Pool, Limited):
    def _missing_next_set_up(self):
        """After Missing, setUp() reaches Pool here."""
        self._pool_set_up()

    def _missing_next_tear_down(self):
        """After Missing, tearDown() reaches Pool here."""
        self._pool_tear_down()
