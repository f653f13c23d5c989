import unittest

EVENTS = []


class Base(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.track("base")

    def track(self, name):
        EVENTS.append(f"setup {name}")
        self.addCleanup(self.undo, name)

    def undo(self, name):
        # unittest runs the cleanups after every tearDown, the subclass's included.
        if isinstance(self, Child):
            assert "teardown child" in EVENTS[-2:], EVENTS
        EVENTS.append(f"cleanup {name}")


class Child(Base):
    def setUp(self):
        super().setUp()
        EVENTS.append("setup child")

    def tearDown(self):
        EVENTS.append("teardown child")

    def test_setup_order(self):
        self.assertEqual(EVENTS[-2:], ["setup base", "setup child"])

    def test_registers_too(self):
        self.track("test")
        self.assertEqual(EVENTS[-1], "setup test")


class Plain(Base):
    def test_base_only(self):
        self.assertEqual(EVENTS[-1], "setup base")

