import contextlib
import unittest

import pytest

RAN = []


class BrokenSetup(unittest.TestCase):
    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def _broken_setup_class_setup(cls):
        yield
        # the cleanup registered before the failure must have run
        assert RAN == ["cleanup"], RAN

    @pytest.fixture(autouse=True)
    def _broken_setup_setup(self):
        with contextlib.ExitStack() as cleanups:
            cleanups.callback(RAN.append, "cleanup")
            raise RuntimeError("setUp fails after registering a cleanup")
            yield
            RAN.append("tearDown must not run")

    def test_never_runs(self):
        pass
