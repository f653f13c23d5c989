import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.log = ["base"]

    def tearDown(self):
        # The subclass's tearDown ran first.
        assert self.log[-1].endswith(" down"), self.log
        self.log.append("base down")


class Child(Base):
    def setUp(self):
        super().setUp()
        self.log.append("child")

    def tearDown(self):
        self.log.append("child down")
        return super().tearDown()

    def test_log(self):
        self.assertEqual(self.log, ["base", "child"])


class Early(Base):
    def tearDown(self):
        if len(self.log) > 1:
            self.log.append("early exit down")
            return super().tearDown()
        self.log.append("early down")
        return super().tearDown()

    def test_early(self):
        self.assertEqual(self.log, ["base"])

    def test_more(self):
        self.log.append("more")


class Plain(unittest.TestCase):
    def setUp(self):
        self.ready = True

    def tearDown(self):
        self.ready = False
        return super().tearDown()  # TestCase's own, which returns None

    def test_ready(self):
        self.assertTrue(self.ready)
