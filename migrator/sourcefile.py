"""Reading and writing source files byte for byte.

A file is decoded with the encoding Python itself would use (PEP 263 cookie, UTF-8 BOM),
without newline translation, so CRLF, a missing final newline and the cookie survive a
round trip. Writes are atomic: a temporary file in the same directory, flushed and synced,
given the original's permission bits, then renamed over the original. An interrupted write
(Ctrl-C, a crash) leaves the old file in place and removes the temporary one.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import stat
import tempfile
import tokenize
from dataclasses import dataclass
from pathlib import Path


class DecodeError(Exception):
    """The bytes are not text in the encoding the file declares."""


@dataclass(frozen=True)
class SourceText:
    """Decoded text plus what is needed to write it back identically."""

    text: str
    encoding: str
    bom: bool

    def encode(self, text: str) -> bytes:
        data = text.encode(self.encoding)
        return codecs.BOM_UTF8 + data if self.bom else data


def decode(data: bytes) -> SourceText:
    """Decode source bytes the way the interpreter would, keeping every newline."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        raise DecodeError(str(exc)) from exc
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    try:
        return SourceText(body.decode(encoding), encoding, bom)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"cannot decode as {encoding}: {exc}") from exc


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits and owner."""
    tmp = prepare(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        discard(tmp)
        raise


def prepare(path: Path, data: bytes) -> str:
    """A synced temporary file beside ``path`` holding ``data``, with ``path``'s permission
    bits and, where permitted, its owner and group; ``os.replace`` puts it in place."""
    info = path.stat() if path.exists() else None
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".mf-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
            with contextlib.suppress(OSError):
                # Another user's file stays theirs when we may say so (root); else it is ours.
                os.chown(tmp, info.st_uid, info.st_gid)
    except BaseException:
        # Also on KeyboardInterrupt: the original is untouched, the temporary file goes.
        discard(tmp)
        raise
    return tmp


def discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def unwritable(path: Path) -> str | None:
    """Why the tool must not replace ``path`` (None when it may): a symbolic link would
    become a copy, a file with hard links would leave its other names behind, and a
    read-only file is the user's word (black leaves them too)."""
    if path.is_symlink():
        return f"a symbolic link to {os.readlink(path)}: not rewritten (run on the target)"
    try:
        info = path.stat()
    except OSError as exc:
        return f"cannot be read: {exc.strerror}"
    if info.st_nlink > 1:
        return f"has {info.st_nlink} hard links: not rewritten (a rewrite would split them)"
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
        path, os.W_OK
    ):
        return "read-only: not rewritten"
    return None
