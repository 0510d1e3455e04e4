"""What a PDF page carries besides the content: the header with the document control line, the
footer with "page x of y", the generated line (as-of date, commit) and the DRAFT mark, and the
title block on the first page.

Everything here is drawn on the page it belongs to, colours and fonts set and put back by hand:
no graphics-state save may outlive a page (readers then restore a state that was never saved
and draw the rest of the document in the wrong colours).
"""

from __future__ import annotations

from typing import Any

from emskit.documents.content import DocumentControl
from emskit.documents.writers.control import ControlText
from emskit.documents.writers.pdf_table import Widths, draw_table, is_cjk

GREY = (90, 90, 90)
RULE = (160, 160, 160)
DRAFT = (225, 170, 170)
HEADER_Y, FOOTER_FROM_BOTTOM = 8.0, 10.0  # mm: the header's baseline, the footer's
TOP_WITH_HEADER = 15.0  # mm: the content starts below the header line


def page_class(text: ControlText) -> type:
    """An FPDF subclass whose header and footer say ``text`` on every page."""
    from fpdf import FPDF

    class Page(FPDF):
        def header(self) -> None:  # fpdf2 calls it at the top of every page
            if text.draft:
                _draft_mark(self, text.draft)
            if text.header or text.draft:  # DRAFT in words too: the mark is a drawing
                _line(self, HEADER_Y, text.header, text.draft or "", rule_below=HEADER_Y + 1.8)
                self.set_xy(self.l_margin, self.t_margin)  # the content starts below it

        def footer(self) -> None:  # and this at the bottom of every page
            y = self.h - FOOTER_FROM_BOTTOM
            page = text.page(str(self.page_no()), self.str_alias_nb_pages)
            _line(self, y, text.footer, right=page, rule_above=y - 3.6)

    return Page


def _line(
    pdf: Any,
    baseline: float,
    left: str,
    right: str = "",
    rule_below: float | None = None,
    rule_above: float | None = None,
) -> None:
    """A line of small grey text across the page (left part, right part) with a thin rule."""
    font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
    colour, draw, width = pdf.text_color, pdf.draw_color, pdf.line_width
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    for y in (rule_below, rule_above):
        if y is not None:
            pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_text_color(*GREY)
    size = 7.0
    widths = Widths(pdf, size, False)
    right_width = widths.text(right.replace(pdf.str_alias_nb_pages, "999"))
    room = pdf.w - pdf.l_margin - pdf.r_margin - right_width - 4
    shown = left
    while shown and widths.text(shown) > room:  # a long organisation name: cut, never overlap
        shown = shown[:-2] + "…"
    _runs(pdf, pdf.l_margin, baseline, shown, size)
    if right:  # through cell(): only fpdf2's text engine puts the page count in for {nb}
        pdf.set_font("Body", "", size)
        pdf.set_xy(pdf.l_margin, baseline - 2 - 0.3 * size / pdf.k)
        pdf.cell(pdf.epw, 4, right, align="R")
    pdf.set_text_color(colour)
    pdf.set_draw_color(draw)
    pdf.set_line_width(width)
    if font[0]:
        pdf.set_font(*font)


def _runs(pdf: Any, x: float, baseline: float, text: str, size: float) -> None:
    """Text in runs of the body font and (only if the PDF has it) the CJK font."""
    from emskit.documents.writers.pdf_table import draw_runs

    draw_runs(pdf, x, baseline, text, Widths(pdf, size, False))


def _draft_mark(pdf: Any, label: str) -> None:
    font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
    colour = pdf.text_color
    pdf.set_text_color(*DRAFT)
    cjk = any(is_cjk(ch) for ch in label) and "cjkB" in pdf.fonts
    pdf.set_font("CJK" if cjk else "Body", "B", 60)
    with pdf.rotation(30, pdf.w / 2, pdf.h / 2):  # a save and restore on this one page
        pdf.text(pdf.w / 2 - pdf.get_string_width(label) / 2, pdf.h / 2, label)
    pdf.set_text_color(colour)
    if font[0]:
        pdf.set_font(*font)


def title_block(pdf: Any, control: DocumentControl, text: ControlText) -> None:
    """The first page's title block: organisation, number, title, revision and its date,
    prepared by, approved by, status, as a four-column grid (label, value, label, value)."""
    pairs = text.title_pairs(control)
    rows = [
        (pairs[i][0], pairs[i][1], *(pairs[i + 1] if i + 1 < len(pairs) else ("", "")))
        for i in range(0, len(pairs), 2)
    ]
    epw = pdf.epw
    labels = max(Widths(pdf, 8, True).text(label) for label, _ in pairs) + 3
    value = epw / 2 - labels
    draw_table(pdf, None, rows, (labels, value, labels, value), 8, 3.6, frozenset({0, 2}))
    pdf.ln(3)
