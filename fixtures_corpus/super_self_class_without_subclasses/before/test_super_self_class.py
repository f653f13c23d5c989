import unittest

EVENTS = []


class Base(unittest.TestCase):
    def setUp(self):
        EVENTS.append("setup base")

    def tearDown(self):
        EVENTS.append("teardown base")


class Pipe(Base):
    def setUp(self):
        super(self.__class__, self).setUp()
        EVENTS.append("setup pipe")

    def tearDown(self):
        EVENTS.append("teardown pipe")
        super(self.__class__, self).tearDown()

    def test_order(self):
        self.assertEqual(EVENTS[-2:], ["setup base", "setup pipe"])
