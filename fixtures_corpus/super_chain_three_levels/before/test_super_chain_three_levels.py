import unittest


class RootCase(unittest.TestCase):
    def setUp(self):
        self.seen = ["root"]

    def tearDown(self):
        assert self.seen[-1] == "middle-down", self.seen


class MiddleCase(RootCase):
    def setUp(self):
        super().setUp()
        self.seen.append("middle")

    def tearDown(self):
        if "leaf" in self.seen:
            assert self.seen[-1] == "leaf-down", self.seen
        self.seen.append("middle-down")
        super().tearDown()


class LeafTests(MiddleCase):
    def setUp(self):
        super().setUp()
        self.seen.append("leaf")

    def tearDown(self):
        self.seen.append("leaf-down")
        super().tearDown()

    def test_chain(self):
        self.assertEqual(self.seen, ["root", "middle", "leaf"])


class MiddleOnlyTests(MiddleCase):
    def test_middle(self):
        self.assertEqual(self.seen, ["root", "middle"])
