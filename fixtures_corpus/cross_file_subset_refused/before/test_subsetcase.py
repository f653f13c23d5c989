from subsetcase_base import SubsetBase


class OnlyThisFile(SubsetBase):
    def setUp(self):
        super().setUp()
        self.mine = True

    def test_both(self):
        self.assertTrue(self.base_ready and self.mine)
