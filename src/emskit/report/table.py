"""Tables for people: rich on a terminal, aligned plain text on a pipe or with NO_COLOR.

Every text report (score, gap, due, ready) prints its tables through here, so the rule "rich
and colour only on a terminal" lives in one place.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from typing import TextIO

from emskit.escaping import terminal_text


def use_rich(out: TextIO) -> bool:
    return out.isatty() and "NO_COLOR" not in os.environ


def render_table(
    out: TextIO,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    title: str | None = None,
    right: frozenset[int] = frozenset(),
    widest: int | None = None,
) -> None:
    """``right``: indexes of columns to right-align (numbers). ``widest``: no column of the
    plain table is padded wider than this; a longer cell runs on into the next column (one
    message of thousands of ids must not pad every line of a long list to its width). Cells
    and title are data: controls are removed here, and rich gets them as Text, never as
    markup."""
    title = terminal_text(title) if title else title
    rows = [[terminal_text(str(cell)) for cell in row] for row in rows]
    headers = [terminal_text(h) for h in headers]
    if use_rich(out):
        _rich_table(out, headers, rows, title, right)
        return
    if title:
        out.write(title + "\n")
    widths = [max([_width(h)] + [_width(row[i]) for row in rows]) for i, h in enumerate(headers)]
    if widest is not None:
        widths = [
            min(width, max(widest, _width(h))) for width, h in zip(widths, headers, strict=True)
        ]
    out.writelines(
        "  ".join(_pad(str(cell), widths[i], i in right) for i, cell in enumerate(cells)).rstrip()
        + "\n"
        for cells in (headers, *rows)
    )


def _rich_table(
    out: TextIO,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    title: str | None,
    right: frozenset[int],
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(title, style="italic") if title else None,
        title_justify="left",
        header_style="bold",
    )
    for index, header in enumerate(headers):
        table.add_column(Text(header), justify="right" if index in right else "left")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    Console(file=out, highlight=False).print(table)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap
