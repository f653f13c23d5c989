import unittest

EVENTS = []


class Replaced(unittest.TestCase):
    def setUp(self):
        self.original = True

    def test_replaced(self):
        self.assertFalse(hasattr(self, "original"))
        self.assertEqual(EVENTS[-1], "replacement")


def replacement(self):
    EVENTS.append("replacement")


setattr(Replaced, "setUp", replacement)


class Computed(unittest.TestCase):
    def setUp(self):
        self.original = True

    def test_computed(self):
        self.assertFalse(hasattr(self, "original"))
        self.assertEqual(EVENTS[-1], "computed")


for method in ["set" + "Up"]:
    setattr(Computed, method, lambda self: EVENTS.append("computed"))


class Generated(unittest.TestCase):
    def setUp(self):
        self.value = 3


def make_test(expected):
    def test(self):
        self.assertEqual(self.value, expected)

    return test


for number in (3,):
    setattr(Generated, "test_%d" % number, make_test(number))
    name = "test_again_{}".format(number)
    setattr(Generated, name, make_test(number))
    setattr(Generated, f"test_f_{number}", make_test(number))


class Pruned(unittest.TestCase):
    def setUp(self):
        self.value = 4

    def test_kept(self):
        self.assertEqual(self.value, 4)

    def test_pruned(self):
        self.fail("deleted before collection")


# A name from dir() is any name, but the if guards it: only test* names are deleted.
for attribute in dir(Pruned):
    if attribute.startswith("test_pr"):
        delattr(Pruned, attribute)
