import unittest

FAIL_AT = {"TestBroken"}


class AcquisitionBase(unittest.TestCase):
    """Zope's idiom: a setUp that fails part-way undoes itself by calling tearDown."""

    def setUp(self):
        self.opened = ["app"]
        try:
            self.opened.append("folder")
            if type(self).__name__ in FAIL_AT:
                raise RuntimeError("setup failed")
        except Exception:
            self.tearDown()
            raise

    def tearDown(self):
        self.opened.clear()
        self.closed = True


class TestGetAttr(AcquisitionBase):
    def test_opened(self):
        self.assertEqual(self.opened, ["app", "folder"])


class TestBroken(AcquisitionBase):
    def test_never_runs(self):
        self.fail("setUp failed, so this test errors before it runs")


class CompatBase(unittest.TestCase):
    def setUp(self):
        self.session = []

    def tearDown(self):
        self.session = None


class TestBackwardsCompatible(CompatBase):
    """betamax's slip: a tearDown that calls the parent's setUp (the parent's tearDown never
    runs); the calls style keeps it as written."""

    def setUp(self):
        super().setUp()
        self.created = False

    def tearDown(self):
        super(TestBackwardsCompatible, self).setUp()
        self.created = None

    def test_session(self):
        self.assertEqual(self.session, [])


class RedefinedBase(unittest.TestCase):
    def setUp(self):
        try:
            self.value = 1
        except Exception:
            self.tearDown()
            raise

    def tearDown(self):
        self.value = None

    def test_value(self):
        self.assertEqual(self.value, 1)


class TestRedefined(RedefinedBase):
    # self.tearDown() in the base's setUp reaches this one here and the base's there: MF110.
    def tearDown(self):
        self.value = 0
