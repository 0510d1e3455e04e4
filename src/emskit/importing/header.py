"""Find the header of a grid: below title rows, over two rows when the top one is merged.

A header row is the first row, among the first few, that fills most of the grid's width with
text that is not a number or a date. Rows that repeat the header later (a register split into
sections, each with its own header row) are dropped.
"""

from __future__ import annotations

import re

from emskit.importing.table import Grid, Table

_NUMBERISH = re.compile(r"^[-+<>≤≥~]?\s*[\d.,:/\s%-]+$")
_LOOK = 15  # title blocks longer than this are not a spreadsheet's header


def find_table(grid: Grid) -> Table | None:
    rows = grid.rows
    if not rows:
        return None
    width = max(len(cells) for _, cells in rows[: _LOOK * 2])
    for index, (number, cells) in enumerate(rows[:_LOOK]):
        below = rows[index + 1][1] if index + 1 < len(rows) else []
        if _is_header(cells, width) or (
            _is_header(cells, width * 0.6) and _is_header(below, width)
        ):
            header, used, groups, subs = _merge_two_rows(rows, index)
            body = _body(rows[index + used :], header)
            return Table(grid.name, _unique(header), number, body, groups, subs)
    return None


def _is_header(cells: list[str], width: float) -> bool:
    texts = [c for c in cells if c and not _NUMBERISH.match(c)]
    return len(texts) >= 2 and len(texts) >= 0.6 * width


def _merge_two_rows(
    rows: list[tuple[int, list[str]]], index: int
) -> tuple[list[str], int, list[str], list[str]]:
    """A merged top cell ('Limits' over 'min' and 'max') leaves blanks in the first row and
    sub-headings in the second: the header is the two joined."""
    top = rows[index][1]
    if index + 1 >= len(rows) or "" not in top:
        return list(top), 1, [], []
    below = rows[index + 1][1]
    if not below or any(c and _NUMBERISH.match(c) for c in below) or sum(1 for c in below if c) < 2:
        return list(top), 1, [], []
    merged, groups, subs, carried = [], [], [], ""
    for i in range(max(len(top), len(below))):
        upper = top[i] if i < len(top) else ""
        lower = below[i] if i < len(below) else ""
        if upper:
            carried = upper
        elif not lower:
            carried = ""
        head = upper or carried
        merged.append(f"{head} {lower}".strip() if lower and lower != head else head)
        groups.append(head)
        subs.append(lower if lower != head else "")
    return merged, 2, groups, subs


def _unique(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(header):
        name = " ".join(name.split()) or f"column {i + 1}"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _body(rows: list[tuple[int, list[str]]], header: list[str]) -> list[tuple[int, list[str]]]:
    normal = [" ".join(h.split()).lower() for h in header]
    width = len(header)
    body = []
    for number, cells in rows:
        if width > 2 and sum(1 for c in cells if c.strip()) <= 1:
            continue  # a section label or a footnote row, not data
        if [" ".join(c.split()).lower() for c in cells[:width]] == normal[: len(cells)]:
            continue  # a repeated header row
        body.append((number, (cells + [""] * width)[:width] if len(cells) < width else cells))
    return body
