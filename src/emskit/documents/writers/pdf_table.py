"""Fast tables and paragraphs for fpdf2: our own line breaking and drawing.

fpdf2's table() lays out every cell through its full text engine, about 2 ms a cell: the
aspects register of a 10,000-aspect organisation took minutes; its multi_cell() measures a
paragraph character by character, and a 2 MB paragraph took minutes too. Here glyph widths are cached
per character, lines are broken greedily (at spaces, and between any two CJK characters),
and each line is drawn with text(), switching to the CJK font only for the runs that need it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from emskit.documents.content import LIST_ITEM

PADDING = 1.2  # mm inside each cell
CJK_START = 0x2E80  # CJK radicals and everything above use the CJK font


def is_cjk(char: str) -> bool:
    return ord(char) >= CJK_START


_ANY_CJK = re.compile(f"[{chr(CJK_START)}-{chr(0x10FFFF)}]")


def has_cjk_text(text: str) -> bool:
    """Whether any character of ``text`` is drawn in the CJK font (one regex scan)."""
    return not text.isascii() and _ANY_CJK.search(text) is not None


class Widths:
    """Character widths in mm for one size, measured once per distinct character."""

    def __init__(self, pdf: Any, size: float, bold: bool) -> None:
        self.pdf, self.size, self.style = pdf, size, "B" if bold else ""
        self.cache: dict[str, float] = {}
        self.texts: dict[str, float] = {}  # words and cells repeat a lot in registers
        self.has_cjk = "cjk" in pdf.fonts  # only a PDF with Chinese text embeds the CJK font

    def of(self, char: str) -> float:
        """Read from the font's own width table: selecting the font to measure would write to
        the page (and a graphics-state save around it is what once broke multi-page PDFs)."""
        width = self.cache.get(char)
        if width is None:
            key = ("cjk" if is_cjk(char) and self.has_cjk else "body") + self.style
            font = self.pdf.fonts[key]
            width = font.cw[ord(char)] * self.size * 0.001 / self.pdf.k
            self.cache[char] = width
        return float(width)

    def text(self, text: str) -> float:
        width = self.texts.get(text)
        if width is None:
            cache, of = self.cache, self.of
            width = self.texts[text] = sum(cache[c] if c in cache else of(c) for c in text)
        return width


def wrap(text: str, width: float, widths: Widths) -> list[str]:
    """Greedy line breaking; a word longer than the cell is broken between characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0.0
        for token in _tokens(paragraph):
            token_width = widths.text(token)
            if line and line_width + token_width > width:
                lines.append(line.rstrip())
                line, line_width = "", 0.0
                token = token.lstrip()
                token_width = widths.text(token)
            if token_width > width:  # break inside the token
                for char in token:
                    char_width = widths.of(char)
                    if line and line_width + char_width > width:
                        lines.append(line)
                        line, line_width = "", 0.0
                    line += char
                    line_width += char_width
                continue
            line += token
            line_width += token_width
        lines.append(line.rstrip())
    return lines or [""]


# Chinese punctuation that may not begin a line: it stays with the character before it.
NO_LINE_START = set("，。、；：！？）》」』】〉”’％…—·")


# An ASCII text's tokens, as the loop below finds them: white space, then a word up to the
# next space; white space at the end a token of its own (NO_LINE_START holds no ASCII).
_ASCII_TOKENS = re.compile(r"\s*\S[^ ]*|\s+")


def _tokens(text: str) -> list[str]:
    """Words with their leading space; each CJK character is a token of its own, so a line
    may break between any two Chinese characters but never inside a Latin word."""
    return _ASCII_TOKENS.findall(text) if text.isascii() else _any_tokens(text)


def _any_tokens(text: str) -> list[str]:
    tokens: list[str] = []
    current = ""
    for char in text:
        if char in NO_LINE_START and (current or tokens):
            if current:  # a line may break after the mark: 'SITE-SZ、' | 'SITE-KS'
                tokens.append(current + char)
                current = ""
            else:
                tokens[-1] += char
            continue
        if is_cjk(char):
            if current:
                tokens.append(current)
            tokens.append(char)
            current = ""
        elif char == " " and current.strip():
            tokens.append(current)
            current = char
        else:
            current += char
    if current:
        tokens.append(current)
    return tokens


HEADER_FILL = (238, 241, 244)
GRID = (150, 150, 150)


def draw_table(
    pdf: Any,
    headers: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    col_widths: Sequence[float],
    size: float,
    line_height: float,
    label_columns: frozenset[int] = frozenset(),
) -> None:
    """A table across pages, its header row repeated on each. ``label_columns`` are drawn like
    header cells (bold, shaded): the labels of a title block or a list of fields. Colours and
    line width are set and put back by hand, never in a graphics-state save: a save opened on
    one page and closed on the next after a page break is what readers reject."""
    from fpdf.enums import RenderStyle

    # The styles as fpdf2's own values: given as "DF" / "D", each of a register's cells paid
    # for looking the string up in the enumeration.
    outline_and_fill, outline = RenderStyle.DF, RenderStyle.D
    body, bold = Widths(pdf, size, False), Widths(pdf, size, True)
    bottom = pdf.h - pdf.b_margin

    def laid_out(
        cells: Sequence[str], widths: Widths, fill: bool
    ) -> tuple[list[Widths], list[list[str]], float]:
        fonts = [bold if fill or i in label_columns else widths for i in range(len(cells))]
        wrapped = [
            wrap(str(cell), w - 2 * PADDING, f)
            for cell, w, f in zip(cells, col_widths, fonts, strict=True)
        ]
        room = int((bottom - pdf.t_margin - 2 * PADDING) // line_height)
        wrapped = [lines[:room] for lines in wrapped]  # a row never outgrows a page
        return fonts, wrapped, max(len(lines) for lines in wrapped) * line_height + 2 * PADDING

    def draw_row(cells: Sequence[str], widths: Widths, fill: bool, keep: float = 0.0) -> None:
        """``keep``: the height of what must stand on the same page below this row (a header
        row is never left alone at the foot of a page without its first row)."""
        fonts, wrapped, height = laid_out(cells, widths, fill)
        if pdf.get_y() + height + keep > bottom:
            pdf.add_page()
            if headers is not None and cells is not headers:
                draw_row(headers, bold, True)
        x, y = pdf.l_margin, pdf.get_y()
        for index, (lines, width) in enumerate(zip(wrapped, col_widths, strict=True)):
            shaded = fill or index in label_columns
            pdf.rect(x, y, width, height, style=outline_and_fill if shaded else outline)
            for number, line in enumerate(lines):
                baseline = y + PADDING + (number + 0.8) * line_height
                draw_runs(pdf, x + PADDING, baseline, line, fonts[index])
            x += width
        pdf.set_xy(pdf.l_margin, y + height)

    fill, draw, line_width = pdf.fill_color, pdf.draw_color, pdf.line_width
    pdf.set_fill_color(*HEADER_FILL)
    pdf.set_draw_color(*GRID)
    pdf.set_line_width(0.2)
    if headers is not None:
        first = laid_out(rows[0], body, False)[2] if rows else 0.0
        draw_row(headers, bold, True, keep=first)
    for row in rows:
        draw_row(row, body, False)
    pdf.set_fill_color(fill)
    pdf.set_draw_color(draw)
    pdf.set_line_width(line_width)


def draw_runs(pdf: Any, x: float, baseline: float, line: str, widths: Widths) -> None:
    """Draw a line in runs: the body font for Latin text, the CJK font for Chinese."""
    if line.isascii():  # one Latin run (most lines): the loop below would find just that
        if line.strip():
            _select(pdf, "Body", widths)
            pdf.text(x, baseline, line)
        return
    run, run_cjk = "", False
    for char in line + "\0":
        cjk = is_cjk(char)
        if char == "\0" or (run and cjk != run_cjk):
            if run.strip():
                _select(pdf, "CJK" if run_cjk and widths.has_cjk else "Body", widths)
                pdf.text(x, baseline, run)
            x += widths.text(run)
            run = ""
        run += char
        run_cjk = cjk


def _select(pdf: Any, family: str, widths: Widths) -> None:
    """pdf.set_font, unless that font is the current one (fpdf2 would then do nothing either,
    after normalising its arguments: a cost paid for every run of every cell)."""
    current = pdf.current_font
    if not (
        pdf.font_size_pt == widths.size
        and pdf.font_style == widths.style
        and pdf.font_family == family.lower()
        and current is not None
        and current.fontkey == pdf.font_family + widths.style
    ):
        pdf.set_font(family, widths.style, widths.size)


BULLET = LIST_ITEM  # the same list items every writer recognises


def draw_paragraph(
    pdf: Any, text: str, size: float, line_height: float, bold: bool = False
) -> None:
    """Running text across the page width from the current position, onto new pages as needed
    (the page header, with its DRAFT mark, is drawn by add_page). Broken like table cells
    (between Chinese characters, at spaces in Latin text); a line written as a Markdown list
    item ('- ...') gets a bullet and a hanging indent."""
    widths = Widths(pdf, size, bold)
    bottom = pdf.h - pdf.b_margin
    for source in text.split("\n"):
        bullet = BULLET.match(source)
        indent = widths.text("•  ") if bullet else 0.0
        body = source[bullet.end() :] if bullet else source
        lines = wrap(body, pdf.epw - indent, widths)
        for number, line in enumerate(lines):
            if pdf.get_y() + line_height > bottom:
                pdf.add_page()
            y = pdf.get_y()
            if bullet and number == 0:
                draw_runs(pdf, pdf.l_margin, y + 0.8 * line_height, "•", widths)
            draw_runs(pdf, pdf.l_margin + indent, y + 0.8 * line_height, line, widths)
            pdf.set_xy(pdf.l_margin, y + line_height)
