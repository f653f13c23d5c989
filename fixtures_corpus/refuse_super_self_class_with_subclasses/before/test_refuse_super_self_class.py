import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.steps = ["base"]


class Loop(Base):
    def setUp(self):
        # For a LoopTests instance this would call Loop.setUp again (and again).
        super(self.__class__, self).setUp()
        self.steps.append("loop")

    def test_steps(self):
        self.assertEqual(self.steps, ["base", "loop"])


class LoopTests(Loop):
    def setUp(self):
        Base.setUp(self)
        self.steps.append("loop tests")

    def test_steps(self):
        self.assertEqual(self.steps, ["base", "loop tests"])
