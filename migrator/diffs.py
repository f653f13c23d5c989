"""Patches in ``git diff`` format, produced by libgit2 (pygit2), so ``git apply`` takes them."""

from __future__ import annotations

import os
from pathlib import Path

import pygit2


def display_path(path: str) -> str:
    """The path as git would print it from the current directory (relative when inside)."""
    try:
        rel = os.path.relpath(Path(path).resolve(), Path.cwd())
    except ValueError:
        return Path(path).as_posix()
    return Path(path).as_posix() if rel.startswith("..") else Path(rel).as_posix()


def unified_diff(old: bytes, new: bytes, path: str) -> str:
    """``diff --git a/p b/p`` patch text; empty when the bytes are equal."""
    if old == new:
        return ""
    shown = display_path(path)
    patch = pygit2.Patch.create_from(old, new, old_as_path=shown, new_as_path=shown)
    text: str | None = patch.text
    return text or ""
