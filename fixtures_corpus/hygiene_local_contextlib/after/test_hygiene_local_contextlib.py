import contextlib as contextlib_
import unittest

import pytest as pytest_

try:
    import pytest
except ImportError:
    pytest = None


class Local(unittest.TestCase):
    @pytest_.fixture(autouse=True)
    def _local_setup(self):
        with contextlib_.ExitStack() as cleanups:
            import contextlib
            self.stack = contextlib.ExitStack()
            cleanups.callback(self.stack.close)
            yield

    def test_it(self):
        self.assertIsNotNone(self.stack)
