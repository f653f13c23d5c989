import unittest

EVENTS = []


class Catcher(object):
    def setUp(self):
        super(Catcher, self).setUp()
        EVENTS.append((self.id(), "catcher setUp"))

    def tearDown(self):
        EVENTS.append((self.id(), "catcher tearDown"))
        super(Catcher, self).tearDown()


class Base(unittest.TestCase):
    def setUp(self):
        EVENTS.append((self.id(), "base setUp"))

    def events(self):
        return [what for who, what in EVENTS if who == self.id()]


class Fake(object):
    def setUp(self):
        super(Fake, self).setUp()
        EVENTS.append((self.id(), "fake setUp"))


class Common(Fake):
    def test_common(self):
        self.assertIn("fake setUp", self.events())


class TestDist(Common, Base):
    def setUp(self):
        EVENTS.append((self.id(), "dist before super"))
        super(TestDist, self).setUp()
        EVENTS.append((self.id(), "dist after super"))

    def test_order(self):
        self.assertEqual(
            self.events(),
            ["dist before super", "base setUp", "fake setUp", "dist after super"],
        )


class TestEgg(Common, Catcher, Base):
    def test_order(self):
        self.assertEqual(self.events(), ["base setUp", "catcher setUp", "fake setUp"])
