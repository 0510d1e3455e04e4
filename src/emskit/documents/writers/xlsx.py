"""The registers as one Excel workbook, a sheet per table, its bytes pinned to the as-of date.

Printable as it comes: the header row repeats on every printed page, the sheet fits the page
width (landscape when it has more than six columns), A4 or Letter, "page x of y" in the footer.
Scores, counts and dates are typed cells, so a consultant can sort, sum and filter them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from typing import Any

from emskit.documents.content import Document
from emskit.documents.writers.control import control_text
from emskit.documents.writers.fixed_zip import normalise_zip
from emskit.documents.writers.style import Style
from emskit.documents.writers.widths import display_width
from emskit.documents.writers.xlsx_print import print_setup, text_columns, typed
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
            _append_row(sheet, table.headers, frozenset(range(len(table.headers))))
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            names = text_columns(table.headers, table.rows, style.language)
            for row in table.rows:
                _append_row(sheet, row, names)
            sheet.freeze_panes = "A2"
            last = get_column_letter(len(table.headers))
            sheet.auto_filter.ref = f"A1:{last}{max(len(table.rows) + 1, 1)}"
            for index, header in enumerate(table.headers, 1):
                values = [str(header)] + [str(row[index - 1]) for row in table.rows]
                width = max(display_width(v) for v in values)
                sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 6), 60)
            print_setup(sheet, len(table.headers), style, control_text(doc, style))
    buffer = io.BytesIO()
    book.save(buffer)
    return normalise_zip(buffer.getvalue(), style.as_of)


def _append_row(sheet: Any, values: Iterable[object], names: frozenset[int]) -> None:
    """Numbers as numbers, dates as dates (except in ``names``, the columns of clause numbers
    and the header), everything else as a string cell: openpyxl makes a formula of any string
    starting with '=', so a title '=HYPERLINK(...)' would be live in the workbook."""
    row = [typed(v, i not in names) for i, v in enumerate(values)]
    sheet.append(row)
    number = sheet._current_row  # sheet[sheet.max_row] scans every cell: quadratic in rows
    for column in range(1, len(row) + 1):
        cell = sheet.cell(row=number, column=column)
        if cell.data_type == "f":
            cell.data_type = "s"
        elif isinstance(cell.value, dt.date):
            cell.number_format = "yyyy-mm-dd"


def _sheet_title(sheet: str, language: str) -> str:
    """The register's sheet name in the pack's language."""
    key = f"sheet.{sheet}"
    return word(key, language) if has_word(key) else sheet


def _sheet_name(name: str, used: set[str]) -> str:
    """Unique, at most 31 characters, none of the characters Excel refuses in a name."""
    base = re.sub(r"[\[\]:*?/\\]", " ", name).strip("' ")[:31] or "Sheet"
    candidate, number = base, 2
    while candidate in used:
        suffix = f" {number}"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate)
    return candidate
