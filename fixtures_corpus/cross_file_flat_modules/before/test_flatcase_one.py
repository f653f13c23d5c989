from flatcase_helper import TempBase


class FirstTests(TempBase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.created.append("first")

    def test_created(self):
        self.assertEqual(self.created, ["FirstTests", "first"])
        self.assertTrue(self.ready)
