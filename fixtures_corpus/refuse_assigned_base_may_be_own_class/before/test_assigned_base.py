import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.made_by = "Base.setUp"


def either(flag):
    class A(Base):
        pass

    class B(Base):
        pass

    if flag:
        return A
    return B


# Which class this is depends on a value: the model does not follow it.
Either = either(True)


class SubEither(Either):
    # Overrides Base.setUp without calling it: a Base fixture must not run here.
    def setUp(self):
        self.made_by = "SubEither.setUp"

    def test_own_setup_only(self):
        self.assertEqual(self.made_by, "SubEither.setUp")


class Unrelated(unittest.TestCase):
    def setUp(self):
        self.ready = True

    def test_ready(self):
        self.assertTrue(self.ready)
