"""Names the output introduces: derived from the class, and never one already taken.

What it does: ``snake`` turns a class name into the stem of its fixture and helper names;
``fresh`` appends ``_2``, ``_3``... until a name is not taken.
Why: generated names must be deterministic (a second run changes nothing) and must never
rebind a name the user's code reads.
Example: ``snake("HTTPServerTests")`` is ``http_server_tests``; ``fresh("x", {"x"})`` is ``x_2``.
Refuses when: never.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def snake(name: str) -> str:
    """``HTTPServerTests`` -> ``http_server_tests``."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"_+", "_", name).strip("_").lower() or "case"


def fresh(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base_2``, ``base_3``... whichever is first not in ``taken``."""
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}_{n}" in used:
        n += 1
    return f"{base}_{n}"
