"""Class decorators of the suite: functions that apply mock's patchers to a class."""

import sys
from unittest.mock import patch

EVENTS = []
_saved = {}


def fake_platform():
    return "fake"


def patch_platform(cls):
    """Patch the platform name for the test methods only."""

    def fake_node():
        return "node"

    _saved["node"] = fake_node
    cls = patch("platform.system", fake_platform)(cls)
    if sys.version_info < (3, 0):  # pragma: no cover
        return cls
    cls = patch("platform.node", fake_node)(cls)
    return cls


def patch_argv(cls):
    return patch.object(sys, "argv", ["patched"])(cls)


def patch_and_register(cls):
    """Not only a patcher: it hands the class to other code, which may change it."""
    cls = patch("platform.system", fake_platform)(cls)
    _register(cls)
    return cls


def _register(cls):
    cls.registered = True
