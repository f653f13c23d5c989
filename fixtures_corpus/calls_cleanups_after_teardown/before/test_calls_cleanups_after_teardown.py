import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.order = ["base.setUp"]
        # registered first, so it runs last: after every tearDown
        self.addCleanup(self.expect, "setUp cleanup", "base.tearDown")

    def tearDown(self):
        self.order.append("base.tearDown")

    def expect(self, name, seen):
        assert seen in self.order, (name, self.order)
        self.order.append(name)


class Child(Base):
    def tearDown(self):
        self.order.append("child.tearDown")
        super().tearDown()
        self.order.append("after super")

    def test_cleanups_run_after_all_teardowns(self):
        self.order.append("test")
        self.addCleanup(self.expect, "test cleanup", "after super")
        # last in first out: the setUp's cleanup runs after this one
        self.addCleanup(self.expect, "second test cleanup", "after super")


class Helper(Base):
    def setUp(self):
        super().setUp()
        self.register()

    def register(self):
        # a helper that registers a cleanup, as psutil's get_testfn does
        self.addCleanup(self.expect, "helper cleanup", "base.tearDown")

    def test_helper_cleanup(self):
        self.order.append("test")
