import pytest


@pytest.fixture
def numbers():
    return [1, 2, 3]


def test_sum(numbers):
    assert sum(numbers) == 6


class TestPlain:
    def setup_method(self):
        self.value = 1

    def test_value(self):
        assert self.value == 1
