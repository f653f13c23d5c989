"""The parts of unittest's API the tool reads: lifecycle names, cleanup registration, skips.

What it does: names the lifecycle methods by level, maps each cleanup registration call to
the ``contextlib.ExitStack`` method a fixture uses instead, and lists unittest's skip
decorators.
Why: the index, the plan and the transforms must agree on these names; one table keeps
them from drifting apart.
Example: ``self.addCleanup(f)`` in a setUp becomes ``cleanups.callback(f)``
(``FUNCTION_CLEANUPS``).
Refuses when: never; it only names things.
"""

from __future__ import annotations

FUNCTION_LEVEL = ("setUp", "tearDown")
SKIP_NAMES = ("skip", "skipIf", "skipUnless")
CLASS_LEVEL = ("setUpClass", "tearDownClass")
MODULE_LEVEL = ("setUpModule", "tearDownModule")
LIFECYCLE_METHODS = FUNCTION_LEVEL + CLASS_LEVEL

# Cleanup registration API per level: dotted spelling -> contextlib.ExitStack method.
# A leading dot means "an attribute of the function's first parameter".
# ``doCleanups()`` runs what was registered so far: ``ExitStack.close()`` does the same.
FUNCTION_CLEANUPS = {
    ".addCleanup": "callback",
    ".enterContext": "enter_context",
    ".doCleanups": "close",
}
CLASS_CLEANUPS = {
    ".addClassCleanup": "callback",
    ".enterClassContext": "enter_context",
    ".doClassCleanups": "close",
}
MODULE_CLEANUPS = {
    "addModuleCleanup": "callback",
    "enterModuleContext": "enter_context",
    "doModuleCleanups": "close",
}
ALL_CLEANUP_ATTRS = frozenset(
    {
        "addCleanup",
        "enterContext",
        "doCleanups",
        "addClassCleanup",
        "enterClassContext",
        "doClassCleanups",
    }
)

# Cheap pre-filter: a file without any of these words cannot need a lifecycle rewrite.
TRIGGER_WORDS = ("setUp", "tearDown")
UNITTEST_SKIPS = frozenset(
    f"{module}.{name}"
    for module in ("unittest", "unittest.case", "unittest2", "unittest2.case")
    for name in SKIP_NAMES
)


# mock's patchers, called to decorate a class, wrap only the methods whose name starts with
# ``patch.TEST_PREFIX`` ("test"): setUp, tearDown, setUpClass and the fixtures that replace
# them run outside the patch, before and after, as they did (``_patch.decorate_class``).
PATCHERS = frozenset(
    f"{package}.{name}"
    for package in ("unittest.mock", "mock", "mock.mock")
    for name in ("patch", "patch.object", "patch.dict", "patch.multiple")
)
# Class decorators (called with arguments) of other libraries that only record attributes
# on the class and return it: ``@implementer(IFoo)`` declares the interfaces it provides;
# nose's ``@attr("slow", speed="fast")`` sets ``slow = True`` and ``speed = "fast"``.
MARKING_DECORATORS = frozenset(
    {
        *(
            f"zope.interface.{module}{name}"
            for module in ("", "declarations.")
            for name in ("implementer", "implementer_only", "provider")
        ),
        "nose.plugins.attrib.attr",
    }
)
