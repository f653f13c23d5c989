"""Stable reason codes for everything the tool refuses or reports.

What it does: names every reason a rewrite can be refused, with a one-line explanation.
Why: batch users grep, count and suppress by code; the codes never change meaning once
published (a retired code is never reused).
Example: ``MF106`` is always "super() is not the first statement of setUp".
Refuses when: not applicable (this module only defines the vocabulary).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Code(str, Enum):
    """A refusal or hazard code; the value is what reports print."""

    UNPARSABLE = "MF100"
    DECORATED = "MF101"
    ASYNC = "MF102"
    NOT_A_FUNCTION = "MF103"
    THIRD_PARTY_BASE = "MF104"
    UNKNOWN_BASE = "MF105"
    SUPER_POSITION = "MF106"
    MIXIN = "MF107"
    PARTIAL_OVERRIDE = "MF108"
    RETURN_FLOW = "MF109"
    REFERENCED = "MF110"
    CLEANUP_USAGE = "MF111"
    CLEANUP_ORDER = "MF112"
    NAME_CONFLICT = "MF113"
    RELATED_REFUSED = "MF114"
    NOT_TOP_LEVEL = "MF115"
    GENERATOR = "MF116"
    SIGNATURE = "MF117"
    SHADOWED_IMPORT = "MF118"
    PHASE_STATE = "MF119"
    SKIP_DECORATOR = "MF120"
    WRAPPED = "MF121"
    VERIFY_CHANGED = "MF122"
    RUN_BY_UNITTEST = "MF123"
    # Parallel hazards: reported, never refused (the rest of the rewrite goes ahead).
    FIXED_TEMP_PATH = "MF201"
    CWD_WRITE = "MF202"
    FIXED_PORT = "MF203"
    PROCESS_STATE = "MF204"
    LEAKED_STATE = "MF205"

    @property
    def summary(self) -> str:
        return SUMMARIES[self]

    @property
    def unblock(self) -> str:
        return UNBLOCK[self]


SUMMARIES: dict[Code, str] = {
    Code.UNPARSABLE: "the file does not parse; it is reported and left alone",
    Code.DECORATED: "the lifecycle method carries a decorator whose effect cannot be kept",
    Code.ASYNC: "async lifecycle methods (IsolatedAsyncioTestCase) are not converted",
    Code.NOT_A_FUNCTION: "the lifecycle name is bound by an assignment, not a plain def",
    Code.THIRD_PARTY_BASE: "the class derives from a third-party TestCase (Django, Twisted, ...)",
    Code.UNKNOWN_BASE: "a base class is outside the run or dynamic, so its lifecycle is unknown",
    Code.SUPER_POSITION: "super() is called in the middle of setUp/tearDown, or inside a block",
    Code.MIXIN: "several classes of the MRO define the lifecycle (cooperative mixins)",
    Code.PARTIAL_OVERRIDE: "setUp and tearDown disagree on calling super(), or one is inherited",
    Code.RETURN_FLOW: "a return in the setup sits where it cannot be restructured exactly",
    Code.REFERENCED: "the lifecycle method is called or referenced elsewhere",
    Code.CLEANUP_USAGE: (
        "addCleanup/enterContext used as a value, in a nested scope or doCleanups,"
        " or registering one of the test's own assertions"
    ),
    Code.CLEANUP_ORDER: "cleanups registered elsewhere would run in a different order",
    Code.NAME_CONFLICT: "merging setUp and tearDown into one function changes a name's meaning",
    Code.RELATED_REFUSED: "a class of the same hierarchy is refused, so this one stays too",
    Code.NOT_TOP_LEVEL: "the TestCase class is defined inside a function or another class",
    Code.GENERATOR: "the lifecycle method contains yield or await",
    Code.SIGNATURE: "the lifecycle method has an unusual signature",
    Code.SHADOWED_IMPORT: (
        "retired (never reported now): a module that binds pytest or contextlib to something"
        " else gets an aliased import"
    ),
    Code.PHASE_STATE: "setUp/tearDown changes the root logger's handlers or sys.stdout",
    Code.SKIP_DECORATOR: "a test's skip decorator cannot become a pytest mark (string condition)",
    Code.WRAPPED: (
        "a class of the MRO wraps the lifecycle (run, __call__, debug, _callSetUp, ... or a"
        " metaclass), or its setUp reads what exists only inside run() or under the name"
        " setUp (self._outcome, the call stack): a fixture would run outside it"
    ),
    Code.VERIFY_CHANGED: (
        "verify saw tests of this hierarchy change outcome after migration: it is kept as it was"
    ),
    Code.RUN_BY_UNITTEST: (
        "the suite runs the class with unittest itself (run_unittest, loadTestsFromTestCase,"
        " makeSuite): no fixture runs there"
    ),
    Code.FIXED_TEMP_PATH: "hazard: a fixed temporary path that all xdist workers share",
    Code.CWD_WRITE: "hazard: a file written in the working directory, shared by all workers",
    Code.FIXED_PORT: "hazard: a fixed port that every worker binds",
    Code.PROCESS_STATE: (
        "hazard: a setup writes os.environ and does not put it back exactly as"
        " monkeypatch.setenv would"
    ),
    Code.LEAKED_STATE: (
        "hazard: a setup changes process-wide state (sys.path, sys.modules, an imported"
        " module's attribute, socket timeout, umask, ...) that its teardown does not put back"
    ),
}


# What a user can change so that the next run converts the class (PR summaries print it).
UNBLOCK: dict[Code, str] = {
    Code.UNPARSABLE: "fix the syntax error (or the encoding) the message points at",
    Code.DECORATED: "move the decorator's effect into the method body, or drop the decorator",
    Code.ASYNC: "convert by hand to an async fixture (pytest-asyncio / anyio)",
    Code.NOT_A_FUNCTION: "define the lifecycle method with a plain def",
    Code.THIRD_PARTY_BASE: "keep it: the framework's TestCase runs its own lifecycle",
    Code.UNKNOWN_BASE: "add the base class's file or package to the run (the message names it)",
    Code.SUPER_POSITION: "call super().setUp() first (super().tearDown() last), outside blocks",
    Code.MIXIN: "give the mixins one successor in every MRO, or merge their lifecycles",
    Code.PARTIAL_OVERRIDE: "make setUp and tearDown agree: both call super(), or neither does",
    Code.RETURN_FLOW: "replace the early return with an if/else around the rest of the setup",
    Code.REFERENCED: "stop calling the lifecycle method directly; move shared code to a helper",
    Code.CLEANUP_USAGE: (
        "call addCleanup/enterContext as a statement in the method itself; make a check"
        " that must fail the test part of the test"
    ),
    Code.CLEANUP_ORDER: "register the cleanup in setUp, or do the work in tearDown",
    Code.NAME_CONFLICT: "rename the local that setUp and tearDown both bind differently",
    Code.RELATED_REFUSED: "unblock the class the message names; this one follows",
    Code.NOT_TOP_LEVEL: "move the TestCase class to the module's top level",
    Code.GENERATOR: "remove yield/await from the lifecycle method",
    Code.SIGNATURE: "use the plain signature (self) or (cls)",
    Code.SHADOWED_IMPORT: "nothing: never reported",
    Code.PHASE_STATE: "set logging/stdout in the test, or with a pytest fixture",
    Code.SKIP_DECORATOR: "write the skip condition as a Python expression, not a string",
    Code.WRAPPED: "keep it, or move the wrapper's work into setUp/tearDown first",
    Code.VERIFY_CHANGED: "run verify --keep and read why the tests changed outcome",
    Code.RUN_BY_UNITTEST: "let pytest collect the class instead of running it from a test",
    Code.FIXED_TEMP_PATH: "make the path from tmp_path (or tempfile.mkdtemp())",
    Code.CWD_WRITE: "write under tmp_path instead of the working directory",
    Code.FIXED_PORT: "bind port 0 and read the port the system chose",
    Code.PROCESS_STATE: "use monkeypatch.setenv/delenv, or put os.environ back in tearDown",
    Code.LEAKED_STATE: "put the state back in tearDown (or use monkeypatch)",
}


@dataclass(frozen=True)
class Refusal:
    """One refused rewrite: what, where, and why (never raised; always reported)."""

    code: Code
    path: str
    line: int
    cls: str | None
    message: str

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code.value,
            "path": self.path,
            "line": self.line,
            "class": self.cls,
            "message": self.message,
        }
