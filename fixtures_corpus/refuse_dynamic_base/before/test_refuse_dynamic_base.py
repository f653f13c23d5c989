import unittest


def make_base():
    class Generated(unittest.TestCase):
        def setUp(self):
            self.generated = True

    return Generated


Base = make_base()


class FromFactory(Base):
    def setUp(self):
        super().setUp()
        self.mine = True

    def test_both(self):
        self.assertTrue(self.generated and self.mine)
