"""What makes a register sheet printable and its cells typed."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from emskit.documents.writers.control import ControlText
from emskit.documents.writers.style import Style
from emskit.escaping import xml_text

WIDE = 6  # more columns than this: the sheet prints landscape
# A count or score (no leading zero, so '007' and phone numbers stay text), a decimal, an ISO date.
INTEGER = re.compile(r"-?(?:0|[1-9]\d{0,9})")
DECIMAL = re.compile(r"-?(?:0|[1-9]\d{0,9})\.\d{1,6}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Clause numbers (4.1, 6.1.2, 10) look like decimals and are not: a column of them stays text.
CLAUSE = re.compile(r"(?:[4-9]|10)(?:\.\d{1,2})*(?:[;,] ?(?:[4-9]|10)(?:\.\d{1,2})*)*")


def text_columns(headers: tuple[str, ...], rows: Any, language: str) -> frozenset[int]:
    """The columns whose numbers are names: headed 'Clause(s)', or holding clause numbers."""
    from emskit.words import word

    named = {word("clause", language), word("clauses", language), word("clause", "en")}
    out = set()
    for index, header in enumerate(headers):
        values = [str(row[index]) for row in rows if str(row[index])]
        if str(header) in named or (values and all(CLAUSE.fullmatch(v) for v in values)):
            out.add(index)
    return frozenset(out)


def typed(value: object, numbers: bool = True) -> object:
    """A cell value as Excel should hold it: int, float, date, or (escaped) text."""
    if isinstance(value, bool):
        return xml_text(str(value))
    if isinstance(value, int | float | dt.date):
        return value
    text = xml_text(str(value))
    if not numbers:
        return text
    if INTEGER.fullmatch(text):
        return int(text)
    if DECIMAL.fullmatch(text):
        return float(text)
    if DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def print_setup(sheet: Any, columns: int, style: Style, text: ControlText) -> None:
    """Header row on every printed page, fit to the page width, landscape when wide, the
    pack's paper size, and the document control header and "page x of y" footer."""
    sheet.print_title_rows = "1:1"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it needs
    sheet.page_setup.orientation = "landscape" if columns > WIDE else "portrait"
    sheet.page_setup.paperSize = (
        sheet.PAPERSIZE_LETTER if style.paper == "Letter" else sheet.PAPERSIZE_A4
    )
    sheet.print_options.gridLines = True
    codes = {"page": "&P", "pages": "&N"}
    page = "".join(codes.get(kind, value.replace("&", "&&")) for kind, value in text.page_parts())
    sheet.oddFooter.right.text = page
    sheet.oddFooter.right.size = 8
    sheet.oddFooter.left.text = _fit(text.footer.replace("&", "&&"))
    sheet.oddFooter.left.size = 7
    header = text.header + (f"  {text.draft}" if text.draft else "")
    if header.strip():
        sheet.oddHeader.left.text = _fit(header.strip().replace("&", "&&"))
        sheet.oddHeader.left.size = 8


def _fit(text: str) -> str:
    """Excel allows 255 characters in a header or footer, all three parts together."""
    return text if len(text) <= 110 else text[:109] + "…"
