import io
import unittest


class Base(unittest.TestCase):
    def setUp(self):
        self.count = 1


class Counter(Base):
    def setUp(self):
        super().setUp()
        self.count += 1

    def test_count(self):
        self.assertEqual(self.count, 2)


class Other(unittest.TestCase):
    def setUp(self):
        self.ready = True

    def test_ready(self):
        self.assertTrue(self.ready)


def test_counter_under_unittest():
    # unittest runs Counter here, with its setUp and no pytest fixture.
    classes = (Counter,)
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(*classes)
    result = unittest.TextTestRunner(stream=io.StringIO()).run(suite)
    assert result.wasSuccessful()


if __name__ == "__main__":
    # Not run by pytest: Other still converts.
    unittest.TextTestRunner().run(unittest.makeSuite(Other))
