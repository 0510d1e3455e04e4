"""Edit values in a user's YAML file and change nothing else.

ruamel.yaml's round-trip parser tells where each key and value sits; the edit is then made on
the text itself, so comments, quoting, spacing and blank lines stay byte for byte as the user
wrote them (dumping the round-trip tree back re-spaces comments and re-quotes strings). The
result is parsed again before it is written, and written atomically (temporary file and
rename): an interrupted or wrong edit never reaches the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emskit.atomic import write_bytes
from emskit.errors import EmskitError
from emskit.repo.positions import Loc

_PLAIN_TOKEN = re.compile(r"[^\s,\[\]{}#]+")


@dataclass(frozen=True)
class SetKey:
    """Set ``key`` to ``value`` in the mapping at ``loc``. A new key goes right after the first
    of ``after`` that the mapping has (in a flow mapping, ``{...}``, at its end)."""

    loc: Loc
    key: str
    value: bool | int | str
    after: tuple[str, ...] = ()


class EditError(EmskitError):
    """The file is not shaped as the edit expects; nothing was written to it."""


class ChangedMeanwhile(EditError):
    """The file no longer holds the text the edits were computed from."""


def edit_file(path: Path, edits: list[SetKey], expected: str | None = None) -> bool:
    """Apply the edits; write only if something changed. Returns whether it wrote. With
    ``expected`` (the text, as loaded, that the edits were computed from), refuse when the
    file holds anything else, checked when read and again right before it is replaced."""
    raw = path.read_bytes()
    if expected is not None:
        _unchanged(path, raw, _digest(expected))
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    changed = False
    try:
        # One edit at a time, re-parsing between: positions after an insertion have moved.
        for edit in edits:
            changed |= _apply(lines, edit)
        if not changed:
            return False
        result = "\n".join(lines)
        _parse(result)  # never write what does not parse
    except EditError as error:
        raise EditError(f"{path.name}: {error}; this file was left as it was") from None
    _unchanged(path, path.read_bytes(), _digest(text))
    try:
        write_bytes(
            path, (b"\xef\xbb\xbf" if bom else b"") + result.replace("\n", newline).encode("utf-8")
        )
    except OSError as error:
        raise EditError(
            f"{path.name}: cannot be written ({error.strerror}); it was left as it was"
        ) from None
    return True


def _digest(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def _unchanged(path: Path, raw: bytes, digest: str) -> None:
    if _digest(raw.decode("utf-8-sig", "replace")) != digest:
        raise ChangedMeanwhile(
            f"{path.name} was changed while emskit was running; it was left as it is now: "
            "run the command again"
        )


def _parse(text: str) -> Any:
    from ruamel.yaml import YAML

    try:
        return YAML(typ="rt").load(text)
    except Exception as error:  # ruamel raises many types; all mean "not YAML we can edit"
        raise EditError(f"the edited text does not parse ({error}); nothing was written") from None


def _apply(lines: list[str], edit: SetKey) -> bool:
    node = _parse("\n".join(lines))
    for step in edit.loc:
        node = node[step]
    if not isinstance(node, Mapping):
        raise EditError(f"expected a mapping at {'/'.join(map(str, edit.loc))}")
    literal = _literal(edit.value)
    if edit.key in node:
        if node[edit.key] == edit.value and type(node[edit.key]) is type(edit.value):
            return False
        line, column = node.lc.value(edit.key)  # type: ignore[attr-defined]
        _replace_token(lines, line, column, literal)
    elif node.fa.flow_style():  # type: ignore[attr-defined]
        _append_to_flow(lines, node.lc.line, node.lc.col, f"{edit.key}: {literal}")  # type: ignore[attr-defined]
    else:
        _insert_block_key(lines, node, edit, literal)
    return True


def _literal(value: bool | int | str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _replace_token(lines: list[str], line: int, column: int, literal: str) -> None:
    text = lines[line]
    match = _PLAIN_TOKEN.match(text, column)
    if match is None or text[column] in "'\"":
        raise EditError(f"line {line + 1}: expected a plain value at column {column + 1}")
    lines[line] = text[:column] + literal + text[match.end() :]


def _insert_block_key(lines: list[str], node: Any, edit: SetKey, literal: str) -> None:
    keys = list(node.keys())
    anchor = next((k for k in edit.after if k in node), keys[-1] if keys else None)
    if anchor is None:
        raise EditError("cannot add a key to an empty mapping")
    key_line, key_column = node.lc.key(anchor)
    at = key_line + 1
    # The anchor's value may continue on deeper-indented lines (or as "- " items at the
    # key's own indentation); the new key goes after them.
    while at < len(lines) and _continues(lines[at], key_column):
        at += 1
    prefix = lines[key_line][:key_column]
    indent = prefix if prefix.strip() == "" else " " * key_column  # "  - id:" starts an item
    lines.insert(at, f"{indent}{edit.key}: {literal}")


def _continues(line: str, key_column: int) -> bool:
    stripped = line.lstrip(" ")
    if not stripped or stripped.startswith("#"):
        return False
    depth = len(line) - len(stripped)
    return depth > key_column or (depth == key_column and stripped.startswith("- "))


def _append_to_flow(lines: list[str], line: int, column: int, entry: str) -> None:
    end_line, end_column = _closing_brace(lines, line, column)
    text = lines[end_line]
    before = text[:end_column].rstrip()
    separator = "" if before.endswith("{") else ", "
    lines[end_line] = before + separator + entry + text[end_column:]


def _closing_brace(lines: list[str], line: int, column: int) -> tuple[int, int]:
    depth, quote = 0, ""
    row, col = line, column
    while row < len(lines):
        text = lines[row]
        while col < len(text):
            char = text[col]
            if quote:
                if char == "\\" and quote == '"':
                    col += 1  # an escaped character inside double quotes
                elif char == quote:
                    quote = ""
            elif char in "'\"":
                quote = char
            elif char in "{[":
                depth += 1
            elif char in "}]":
                depth -= 1
                if depth == 0:
                    return row, col
            elif char == "#" and (col == 0 or text[col - 1] in " \t"):
                break
            col += 1
        row, col = row + 1, 0
    raise EditError(f"line {line + 1}: the flow mapping does not close")
