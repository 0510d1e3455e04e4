"""Edit values in a user's YAML file and change nothing else.

libyaml's composition tells where each key and value sits; the edit is then made on the text
itself, so comments, quoting, spacing and blank lines stay byte for byte as the user wrote them
(dumping a parsed tree back re-spaces comments and re-quotes strings). Values are read with the
YAML 1.2 reader the loader uses (`yes` stays a string). The result is read again and must equal
the original data with the edits applied before it is written, and it is written atomically
(temporary file and rename): an interrupted or wrong edit never reaches the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from emskit.atomic import write_bytes
from emskit.errors import EmskitError
from emskit.repo.positions import Loc, compose_marks
from emskit.repo.text_file import FileProblem
from emskit.repo.yaml_reader import parse_yaml

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
    text = text.replace("\r\n", "\n")
    try:
        result, changed = text, False
        pending = edits
        while pending:
            batch, pending = _independent(pending)
            result, changed_now = _apply_batch(result, batch)
            changed |= changed_now
        if not changed:
            return False
        expected = _read(text)
        for edit in edits:
            _mapping_at(expected, edit.loc)[edit.key] = edit.value
        if _read(result) != expected:  # never write what does not read back as intended
            raise EditError("the edited text does not read back as intended; nothing was written")
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


def _independent(edits: list[SetKey]) -> tuple[list[SetKey], list[SetKey]]:
    """Split off the edits that can be planned on one composition: no two in the same mapping
    or in mappings nested in each other (a second key added to a mapping goes after the first,
    as if they were made one by one). The rest wait for the next round, in their order."""

    batch: list[SetKey] = []
    later: list[SetKey] = []
    seen: set[Loc] = set()  # the locs of the edits looked at so far
    covered: set[Loc] = set()  # those locs and all their ancestors
    for edit in edits:
        ancestors = [edit.loc[:end] for end in range(len(edit.loc) + 1)]
        if edit.loc in covered or any(loc in seen for loc in ancestors):
            later.append(edit)
        else:
            batch.append(edit)
        seen.add(edit.loc)
        covered.update(ancestors)
    return batch, later


def _apply_batch(text: str, edits: list[SetKey]) -> tuple[str, bool]:
    # Planned on one composition of the text and applied from the bottom of the file up, so
    # a change never moves the places of those still to come (re-parsing the whole file after
    # each edit took minutes on large registers).
    data, root = _read(text), _compose(text)
    lines = text.split("\n")
    changes = [c for c in (_plan(data, root, lines, e) for e in edits) if c is not None]
    for change in sorted(changes, key=lambda c: c.at, reverse=True):
        change.apply(lines)
    return "\n".join(lines), bool(changes)


def _read(text: str) -> Any:
    try:
        return parse_yaml(text)
    except FileProblem as problem:
        raise EditError(f"the text does not parse ({problem}); nothing was written") from None


def _compose(text: str) -> yaml.Node:
    try:
        root = compose_marks(text)
    except yaml.YAMLError as error:
        raise EditError(f"the text does not parse ({error}); nothing was written") from None
    if root is None:
        raise EditError("the file is empty")
    return root


@dataclass(frozen=True)
class _Change:
    """One text change, at (line, column); an inserted line sorts before changes on its line."""

    at: tuple[int, int]
    replace_to: int = -1  # the replaced token ends here (a value replaced in place)
    text: str = ""
    insert_line: bool = False

    def apply(self, lines: list[str]) -> None:
        line, column = self.at
        if self.insert_line:
            lines.insert(line, self.text)
        else:
            old = lines[line]
            lines[line] = old[:column] + self.text + old[self.replace_to :]


def _mapping_at(data: Any, loc: Loc) -> dict[str, Any]:
    for step in loc:
        data = data[step]
    if not isinstance(data, dict):
        raise EditError(f"expected a mapping at {'/'.join(map(str, loc))}")
    return data


def _node_at(node: yaml.Node, loc: Loc) -> yaml.MappingNode:
    for step in loc:
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step]
        elif isinstance(node, yaml.MappingNode):
            node = next(v for k, v in node.value if getattr(k, "value", None) == step)
    assert isinstance(node, yaml.MappingNode)  # the plain data said so
    return node


def _plan(data: Any, root: yaml.Node, lines: list[str], edit: SetKey) -> _Change | None:
    mapping = _mapping_at(data, edit.loc)
    node = _node_at(root, edit.loc)
    literal = _literal(edit.value)
    if edit.key in mapping:
        current = mapping[edit.key]
        if current == edit.value and type(current) is type(edit.value):
            return None
        value = next(v for k, v in node.value if getattr(k, "value", None) == edit.key)
        return _replace_token(lines, value.start_mark.line, value.start_mark.column, literal)
    if node.flow_style and node.value:  # an empty {} is refused below, as an empty mapping
        mark = node.start_mark
        return _append_to_flow(lines, mark.line, mark.column, f"{edit.key}: {literal}")
    return _insert_block_key(lines, node, edit, literal)


def _literal(value: bool | int | str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _replace_token(lines: list[str], line: int, column: int, literal: str) -> _Change:
    text = lines[line]
    match = _PLAIN_TOKEN.match(text, column)
    if match is None or text[column] in "'\"":
        raise EditError(f"line {line + 1}: expected a plain value at column {column + 1}")
    return _Change((line, column), match.end(), literal)


def _insert_block_key(
    lines: list[str], node: yaml.MappingNode, edit: SetKey, literal: str
) -> _Change:
    keys = {getattr(k, "value", None): k for k, _ in node.value}
    anchor = next((k for k in edit.after if k in keys), next(reversed(keys), None))
    if anchor is None:
        raise EditError("cannot add a key to an empty mapping")
    key_line, key_column = keys[anchor].start_mark.line, keys[anchor].start_mark.column
    at = key_line + 1
    # The anchor's value may continue on deeper-indented lines (or as "- " items at the
    # key's own indentation); the new key goes after them.
    while at < len(lines) and _continues(lines[at], key_column):
        at += 1
    prefix = lines[key_line][:key_column]
    indent = prefix if prefix.strip() == "" else " " * key_column  # "  - id:" starts an item
    return _Change((at, -1), text=f"{indent}{edit.key}: {literal}", insert_line=True)


def _continues(line: str, key_column: int) -> bool:
    stripped = line.lstrip(" ")
    if not stripped or stripped.startswith("#"):
        return False
    depth = len(line) - len(stripped)
    return depth > key_column or (depth == key_column and stripped.startswith("- "))


def _append_to_flow(lines: list[str], line: int, column: int, entry: str) -> _Change:
    end_line, end_column = _closing_brace(lines, line, column)
    text = lines[end_line]
    before = text[:end_column].rstrip()
    separator = "" if before.endswith("{") else ", "
    # Replaces the spaces before the brace, as the entry goes right after the last one.
    return _Change((end_line, len(before)), end_column, separator + entry)


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
