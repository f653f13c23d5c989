import io
import unittest

from pkgstream import config


class CapturesThroughConfig(unittest.TestCase):
    def setUp(self):
        # sys.stdout replaced through another module's name for sys: pytest puts the
        # streams back between the setup and call phases, so a fixture would lose it.
        self.out = io.StringIO()
        saved = config.sys.stdout
        config.sys.stdout = self.out
        self.addCleanup(setattr, config.sys, "stdout", saved)

    def test_output_is_captured(self):
        config.say("hello")
        self.assertEqual(self.out.getvalue(), "hello")
