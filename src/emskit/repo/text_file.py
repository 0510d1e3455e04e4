"""Reading a file's bytes into text with the format's encoding rules."""

from __future__ import annotations

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
    """The file's bytes, or a FileProblem when it is larger than the limit."""
    with open(path, "rb") as handle:
        data = handle.read(int(limit_mb * 1024 * 1024) + 1)
    if len(data) > limit_mb * 1024 * 1024:
        raise FileProblem(
            f"file is larger than {limit_mb:g} MB and was not read: split it, or raise "
            f"the limit in emskit.yaml (limits: {{yaml_mb: ..., csv_mb: ...}})"
        )
    return data
