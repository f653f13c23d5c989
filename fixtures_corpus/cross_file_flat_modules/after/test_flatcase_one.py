import pytest

from flatcase_helper import TempBase


class FirstTests(TempBase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _first_tests_class_setup(cls, _temp_base_class_setup):
        cls.created.append("first")

    def test_created(self):
        self.assertEqual(self.created, ["FirstTests", "first"])
        self.assertTrue(self.ready)
