"""Reading a file's bytes into text with the format's encoding rules."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass


@dataclass(frozen=True)
class FileProblem(Exception):
    """A whole-file or syntax problem, at a 1-based line and column."""

    message: str
    line: int = 1
    column: int = 1


def decode_utf8(data: bytes) -> str:
    """UTF-8 with an optional BOM; CRLF becomes LF (line numbers are kept)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FileProblem(
            f"byte 0x{data[exc.start]:02x} is not UTF-8: save the file as UTF-8",
            line,
            column,
        ) from None
    return text.replace("\r\n", "\n") if "\r" in text else text


def read_limited(path: str, limit_mb: float) -> bytes:
    """The file's bytes, or a FileProblem when it is larger than the limit or not a regular file.

    The file is opened without blocking and checked before any read: a FIFO would block the
    reader for ever, and a device can be endless.  The buffer is sized by the file, never by
    the limit, so a generous limit costs nothing.
    """
    limit = int(limit_mb * 1024 * 1024)
    _require_regular(os.stat(path).st_mode)  # a socket cannot even be opened
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:  # the descriptor read directly: no buffered file object for a file read whole
        status = os.fstat(handle)
        _require_regular(status.st_mode)  # again: it may have been swapped since the stat
        size = status.st_size
        data = b"" if size > limit else _read_up_to(handle, min(size, limit) + 1)
    finally:
        os.close(handle)
    if size > limit or len(data) > limit:
        raise FileProblem(
            f"file is larger than {limit_mb:g} MB and was not read: split it, or raise "
            f"the limit in emskit.yaml (limits: {{yaml_mb: ..., csv_mb: ...}})"
        )
    return data


def _read_up_to(handle: int, count: int) -> bytes:
    """Up to ``count`` bytes, fewer only at the end of the file."""
    chunks = []
    while count > 0:
        chunk = os.read(handle, count)
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def _require_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise FileProblem(
            f"is a {_kind_of(mode)}, not a regular file, and was not read: "
            "replace it with a file, or remove it"
        )


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"
