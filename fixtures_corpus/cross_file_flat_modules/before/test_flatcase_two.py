import flatcase_helper


class SecondTests(flatcase_helper.TempBase):
    def test_created(self):
        self.assertEqual(self.created, ["SecondTests"])
