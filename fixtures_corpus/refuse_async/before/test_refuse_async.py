import unittest


class AsyncTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.value = 1

    def setUp(self):
        self.sync = True

    async def test_value(self):
        self.assertTrue(self.sync)
        self.assertEqual(self.value, 1)
