"""Line and column of any value in a YAML file, recovered lazily.

The fast reader keeps no positions.  When a file has findings, it is composed once with
libyaml and every data path in it is mapped to the 1-based line and column of its value
and of its key.  Files without findings are never composed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml

Loc = tuple[str | int, ...]
Point = tuple[int, int]


if TYPE_CHECKING:  # the same interface; at run time libyaml's loader when PyYAML was built with it
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class MarksLoader(_SafeLoader):
    """Composes nodes for their positions only: tags are never looked at, so the implicit
    tag resolution (regular expressions in Python, for every scalar) is skipped, which was
    most of the time of composing a large register."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return "tag:yaml.org,2002:str"

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def compose_marks(text: str) -> yaml.Node | None:
    """The node tree of ``text`` with start marks (0-based line and column); raises
    yaml.YAMLError when it does not parse. Node tags are meaningless."""
    return yaml.compose(text, Loader=MarksLoader)


class PositionIndex:
    def __init__(self, values: dict[Loc, Point], keys: dict[Loc, Point]) -> None:
        self._values = values
        self._keys = keys

    @classmethod
    def of_text(cls, text: str, line_offset: int = 0) -> PositionIndex:
        values: dict[Loc, Point] = {}
        keys: dict[Loc, Point] = {}
        try:
            root = compose_marks(text)
        except yaml.YAMLError:
            root = None
        if root is not None:
            _walk(root, (), values, keys, line_offset)
        return cls(values, keys)

    def locate(self, loc: Loc, at_key: bool = False) -> Point:
        """The position of ``loc``, or of its nearest ancestor that exists in the file."""
        table = self._keys if at_key else self._values
        for end in range(len(loc), -1, -1):
            point = table.get(loc[:end]) if end == len(loc) else self._values.get(loc[:end])
            if point is not None:
                return point
        return (1, 1)


def _walk(
    node: Any, loc: Loc, values: dict[Loc, Point], keys: dict[Loc, Point], offset: int
) -> None:
    # An explicit stack: a deep but legal file must not hit Python's recursion limit.
    stack = [(node, loc)]
    seen: set[int] = set()
    while stack:
        node, loc = stack.pop()
        values[loc] = (node.start_mark.line + 1 + offset, node.start_mark.column + 1)
        if id(node) in seen:  # an alias: positions of the anchor are enough
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                child = (*loc, key_node.value if isinstance(key_node, yaml.ScalarNode) else "?")
                keys[child] = (
                    key_node.start_mark.line + 1 + offset,
                    key_node.start_mark.column + 1,
                )
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, (*loc, index)))


def item_starts(text: str, key: str) -> list[Point] | None:
    """Where each item of the top-level block sequence under ``key:`` starts, found by reading
    lines rather than composing: a register's listing needs the line of every record, and
    composing 10,000 aspects takes seconds. None when the layout is not the plain one
    (flow sequence, odd indentation); the caller then composes.

    The lines are read with regular expressions (C speed): the items are the lines at the
    first item's indentation that start with '- ', up to the first line (not blank, not a
    comment) that is less indented, or as indented without being an item."""
    # "key:" alone on its line, or followed by a comment (blanks as str.strip reads them).
    head = re.compile(rf"^{re.escape(key)}:[^\S\n]*(?:#.*)?$", re.MULTILINE)
    found = head.search(text)
    if found is None:
        return None
    start = text.find("\n", found.end())  # the newline before the first line of the list
    if start < 0:
        return []
    first = _CONTENT.search(text, start + 1)
    if first is None:
        return []
    indent = first.group(1)
    if not first.group(2).startswith("- "):
        return None
    # Patterns that start with a newline: the regex engine scans for it at C speed, where a
    # '^' is tried at every character.
    ends = re.compile(rf"\n(?!{indent}(?:- | )|[ ]*(?:#|\n|$))")
    end = ends.search(text, first.start() - 1)
    stop = end.start() if end is not None else len(text)
    line = text.count("\n", 0, start) + 1  # the line of the newline at ``start``
    starts: list[Point] = []
    position = start
    column = len(indent) + 3
    for item in re.compile(rf"\n{indent}- ").finditer(text, start, stop):
        line += text.count("\n", position, item.start())
        position = item.start()
        starts.append((line + 1, column))
    return starts


# The first line with content: not blank and not a comment (its indentation, its text).
_CONTENT = re.compile(r"^([ ]*)([^ #\n].*)$", re.MULTILINE)
