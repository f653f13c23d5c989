import unittest


class BasicTestCase(unittest.TestCase):
    """A tearDown that asks unittest whether the test failed (PyGithub's Framework)."""

    def setUp(self):
        super().setUp()
        self.events = ["basic setUp"]
        self.per_page = getattr(self, "per_page", 30)
        self.addCleanup(self.check_events)

    def set_per_page(self, value):
        self.per_page = value

    @property
    def this_test_failed(self):
        return not self._outcome.success  # None outside run(): AttributeError

    def tearDown(self):
        super().tearDown()
        self.events.append(f"basic tearDown failed={self.this_test_failed}")

    def check_events(self):
        # The last cleanup: unittest ran every tearDown and the test's cleanups before it.
        expected = ["basic setUp", "case setUp", *self.expected, "basic tearDown failed=False"]
        if self.events != expected + self.expected_cleanups:
            raise RuntimeError(f"lifecycle ran as {self.events}")

    expected = ()
    expected_cleanups = []


class TestCase(BasicTestCase):
    def setUp(self):
        super().setUp()
        self.events.append("case setUp")
        self.client = {"per_page": self.per_page}


class TestPaged(TestCase):
    def setUp(self):
        self.set_per_page(10)
        super().setUp()

    def test_per_page(self):
        self.assertEqual(self.client, {"per_page": 10})


class TestLogging(TestCase):
    expected = ("test", "logging tearDown")
    expected_cleanups = ["test cleanup"]

    def setUp(self):
        super().setUp()
        self.logged = []

    def tearDown(self):
        self.events.append("logging tearDown")
        super().tearDown()

    def test_default(self):
        self.events.append("test")
        self.addCleanup(self.events.append, "test cleanup")
        self.assertEqual(self.client, {"per_page": 30})
