"""A document as a PDF (fpdf2), with the fonts subset for the pack (fonts.py)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from emskit.documents.charts import CJK_FONT, LATIN_BOLD_FONT, LATIN_FONT
from emskit.documents.content import Document, Fields, Heading, Image, Paragraph, Table
from emskit.documents.writers.control import ControlText, control_text
from emskit.documents.writers.fonts import PdfFonts, document_text
from emskit.documents.writers.pdf_page import (
    FOOTER_FROM_BOTTOM,
    TOP_WITH_HEADER,
    page_class,
    title_block,
)
from emskit.documents.writers.pdf_table import draw_paragraph, draw_table, has_cjk_text
from emskit.documents.writers.style import Style
from emskit.documents.writers.widths import paged_blocks, share_width, text_columns
from emskit.escaping import terminal_text

# The room (mm) a heading needs below it: its own line, a table's header row and first row.
KEEP_WITH_HEADING = 28.0


def to_pdf(doc: Document, style: Style) -> bytes:
    text = control_text(doc, style)
    blocks = paged_blocks(doc.blocks)
    wide = any(len(b.headers) > 6 for b in blocks if isinstance(b, Table))
    pdf = page_class(text)(
        orientation="landscape" if wide else "portrait",
        format=style.paper,
    )
    pdf.set_creation_date(dt.datetime.combine(style.as_of, dt.time(0, 0), tzinfo=dt.UTC))
    pdf.set_title(terminal_text(doc.title))
    pdf.set_creator("emskit")
    pdf.alias_nb_pages()  # "{nb}" in the footer becomes the page count
    fonts = style.pdf_fonts or PdfFonts(LATIN_FONT, LATIN_BOLD_FONT, CJK_FONT)
    pdf.add_font("Body", fname=str(fonts.regular))
    pdf.add_font("Body", style="B", fname=str(fonts.bold))
    if has_cjk(doc, text):  # the CJK font is embedded only where Chinese is written
        pdf.add_font("CJK", fname=str(fonts.cjk))
        pdf.add_font("CJK", style="B", fname=str(fonts.cjk))
        pdf.set_fallback_fonts(["CJK"], exact_match=False)
    pdf.set_font("Body", "", 10)
    if text.header:
        pdf.set_top_margin(TOP_WITH_HEADER)
    pdf.set_auto_page_break(True, margin=FOOTER_FROM_BOTTOM + 6)
    pdf.add_page()
    draw_paragraph(pdf, terminal_text(doc.title), 16, 8, bold=True)
    pdf.ln(2)
    if doc.control is not None:
        title_block(pdf, doc.control, text)
    for block in blocks:
        if isinstance(block, Heading):
            # Kept with what it heads: a heading with less than a few lines' room below it
            # starts the next page instead of standing alone at the foot of this one.
            if pdf.get_y() + KEEP_WITH_HEADING > pdf.h - pdf.b_margin:
                pdf.add_page()
            pdf.ln(2)
            size: float = 13 if block.level <= 2 else 11
            draw_paragraph(pdf, terminal_text(block.text), size, 7, bold=True)
        elif isinstance(block, Paragraph):
            draw_paragraph(pdf, terminal_text(block.text), 10, 5.5)
            pdf.ln(1)
        elif isinstance(block, Fields | Table):
            _table(pdf, block)
        elif isinstance(block, Image):
            if pdf.get_y() + 80 > pdf.h - pdf.b_margin:  # a chart and its caption stay together
                pdf.add_page()
            pdf.image(io.BytesIO(block.png), w=min(170, pdf.epw))
            draw_paragraph(pdf, terminal_text(block.caption), 8, 5)
    return bytes(pdf.output())


def has_cjk(doc: Document, text: ControlText) -> bool:
    return has_cjk_text(text.all_text() + document_text(doc))


def _table(pdf: Any, block: Fields | Table) -> None:
    headers, rows = (
        (None, block.pairs) if isinstance(block, Fields) else (block.headers, block.rows)
    )
    columns = len(rows[0]) if headers is None and rows else len(headers or ())
    if not columns:
        return
    size = 7.5 if columns > 6 else 9
    widths = _column_widths(pdf, headers or ("",) * columns, rows, size)
    draw_table(
        pdf,
        [terminal_text(str(h)) for h in headers] if headers is not None else None,
        [[_fit(v) for v in row] for row in rows],
        widths,
        size,
        line_height=size * 0.42,
        label_columns=frozenset({0}) if isinstance(block, Fields) else frozenset(),
    )
    pdf.ln(2)


def _column_widths(pdf: Any, headers: Any, rows: Any, size: float) -> tuple[float, ...]:
    """Column widths in mm from the content (widths.text_columns), plus the cell padding."""
    from emskit.documents.writers.pdf_table import PADDING, Widths

    body, bold = Widths(pdf, size, False), Widths(pdf, size, True)
    padding = 2 * PADDING + 0.4

    def measure(text: str, heading: bool) -> float:
        return float((bold if heading else body).text(text)) + padding

    floors: list[float] = []
    minimums, wants = text_columns(headers, rows, measure, 90.0 + padding, floors)
    return tuple(share_width(minimums, wants, pdf.epw, floors))


def _fit(value: Any, most: int = 1200) -> str:
    """A PDF table row must fit on one page; a cell longer than that is cut (the Word, Excel
    and HTML versions keep it whole). Controls have no glyph: they are removed."""
    text = terminal_text(str(value))
    return text if len(text) <= most else text[:most] + " …"
