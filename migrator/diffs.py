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


def unified_diff(old: bytes, new: bytes, path: str) -> bytes:
    """``diff --git a/p b/p`` patch, as bytes: built from the files' own bytes, so a file
    in latin-1 (or any encoding) gives a patch ``git apply`` takes; empty when equal."""
    if old == new:
        return b""
    shown = display_path(path)
    patch = pygit2.Patch.create_from(old, new, old_as_path=shown, new_as_path=shown)
    data: bytes | None = patch.data
    return data or b""


def diff_text(patch: bytes, encoding: str) -> str:
    """The patch as text (for JSON and a coloured terminal), decoded with the file's own
    encoding: encoding it back with that encoding gives the patch's bytes."""
    return patch.decode(encoding, errors="surrogateescape")
