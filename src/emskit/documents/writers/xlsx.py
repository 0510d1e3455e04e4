"""The registers as one Excel workbook, a sheet per table, its bytes pinned to the as-of date."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from emskit.documents.content import Document
from emskit.documents.writers.fixed_zip import normalise_zip
from emskit.documents.writers.style import Style
from emskit.escaping import xml_text
from emskit.words import has_word, word


def to_xlsx(docs: list[Document], style: Style) -> bytes:
    """One workbook, one sheet per register table: filters, frozen header row, fitted widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    if book.active is not None:  # the empty sheet a new workbook starts with
        book.remove(book.active)
    stamp = dt.datetime.combine(style.as_of, dt.time(0, 0))
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = book.properties.lastModifiedBy = "emskit"
    used: set[str] = set()
    for doc in docs:
        for table in doc.tables:
            if table.sheet is None:
                continue
            name = _sheet_name(_sheet_title(table.sheet, style.language), used)
            sheet = book.create_sheet(name)
            _append_row(sheet, table.headers)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for row in table.rows:
                _append_row(sheet, row)
            sheet.freeze_panes = "A2"
            last = get_column_letter(len(table.headers))
            sheet.auto_filter.ref = f"A1:{last}{max(len(table.rows) + 1, 1)}"
            for index, header in enumerate(table.headers, 1):
                values = [str(header)] + [str(row[index - 1]) for row in table.rows]
                width = max(_display_width(v) for v in values)
                sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 6), 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return normalise_zip(buffer.getvalue(), style.as_of)


def _append_row(sheet: Any, values: Iterable[object]) -> None:
    """Numbers as numbers, everything else as a string cell: openpyxl makes a formula of any
    string starting with '=', so a title '=HYPERLINK(...)' would be live in the workbook."""
    sheet.append(
        [
            v if isinstance(v, int | float) and not isinstance(v, bool) else xml_text(str(v))
            for v in values
        ]
    )
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def _sheet_title(sheet: str, language: str) -> str:
    """The register's sheet name in the pack's language."""
    key = f"sheet.{sheet}"
    return word(key, language) if has_word(key) else sheet


def _sheet_name(name: str, used: set[str]) -> str:
    base = name[:31]
    candidate, number = base, 2
    while candidate in used:
        suffix = f" {number}"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate)
    return candidate


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
