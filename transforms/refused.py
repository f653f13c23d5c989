"""The planner's internal refusal: a check failed, with its code, line and reason.

What it does: ``Refused`` carries one refusal from the check that found it to the place that
records it (``Planner._plan_one``); ``related`` names the class a spread refusal (MF114)
comes from.
Why: the checks live in several modules (``transforms.chain_plan``, ``transforms.plan``,
``transforms.relay_plan``); one exception type keeps them free of each other.
Example: ``raise Refused(Code.SUPER_POSITION, 12, "super().setUp() is not the first statement")``.
Refuses when: never itself.
"""

from __future__ import annotations

from transforms.codes import Code


class Refused(Exception):
    """A check failed; carries the refusal (never leaves the planner)."""

    def __init__(self, code: Code, line: int, message: str) -> None:
        super().__init__(message)
        self.code, self.line, self.message = code, line, message
        self.related: str | None = None  # the class a spread refusal (MF114) comes from
