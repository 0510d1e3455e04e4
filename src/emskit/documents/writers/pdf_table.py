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

PADDING = 1.2  # mm inside each cell
CJK_START = 0x2E80  # CJK radicals and everything above use the CJK font


def is_cjk(char: str) -> bool:
    return ord(char) >= CJK_START


class Widths:
    """Character widths in mm for one size, measured once per distinct character."""

    def __init__(self, pdf: Any, size: float, bold: bool) -> None:
        self.pdf, self.size, self.style = pdf, size, "B" if bold else ""
        self.cache: dict[str, float] = {}
        self.texts: dict[str, float] = {}  # words and cells repeat a lot in registers

    def of(self, char: str) -> float:
        width = self.cache.get(char)
        if width is None:
            with self.pdf.local_context():
                self.pdf.set_font("CJK" if is_cjk(char) else "Body", self.style, self.size)
                width = self.cache[char] = self.pdf.get_string_width(char)
        return width

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


def _tokens(text: str) -> list[str]:
    """Words with their leading space; each CJK character is a token of its own, so a line
    may break between any two Chinese characters but never inside a Latin word."""
    tokens: list[str] = []
    current = ""
    for char in text:
        if char in NO_LINE_START and (current or tokens):
            if current:
                current += char
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


def draw_table(
    pdf: Any,
    headers: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    col_widths: Sequence[float],
    size: float,
    line_height: float,
) -> None:
    body, bold = Widths(pdf, size, False), Widths(pdf, size, True)
    bottom = pdf.h - pdf.b_margin

    def draw_row(cells: Sequence[str], widths: Widths, fill: bool) -> None:
        wrapped = [
            wrap(str(cell), w - 2 * PADDING, widths)
            for cell, w in zip(cells, col_widths, strict=True)
        ]
        room = int((bottom - pdf.t_margin - 2 * PADDING) // line_height)
        wrapped = [lines[:room] for lines in wrapped]  # a row never outgrows a page
        height = max(len(lines) for lines in wrapped) * line_height + 2 * PADDING
        if pdf.get_y() + height > bottom:
            pdf.add_page()
            if headers is not None and cells is not headers:
                draw_row(headers, bold, True)
        x, y = pdf.l_margin, pdf.get_y()
        for lines, width in zip(wrapped, col_widths, strict=True):
            pdf.rect(x, y, width, height, style="DF" if fill else "D")
            for number, line in enumerate(lines):
                _text(pdf, x + PADDING, y + PADDING + (number + 0.8) * line_height, line, widths)
            x += width
        pdf.set_xy(pdf.l_margin, y + height)

    with pdf.local_context(fill_color=(238, 241, 244), draw_color=(150, 150, 150), line_width=0.2):
        if headers is not None:
            draw_row(headers, bold, True)
        for row in rows:
            draw_row(row, body, False)


def _text(pdf: Any, x: float, baseline: float, line: str, widths: Widths) -> None:
    """Draw a line in runs: the body font for Latin text, the CJK font for Chinese."""
    run, run_cjk = "", False
    for char in line + "\0":
        cjk = is_cjk(char)
        if char == "\0" or (run and cjk != run_cjk):
            if run.strip():
                pdf.set_font("CJK" if run_cjk else "Body", widths.style, widths.size)
                pdf.text(x, baseline, run)
            x += widths.text(run)
            run = ""
        run += char
        run_cjk = cjk


BULLET = re.compile(r"^\s*[-*•]\s+")


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
                _text(pdf, pdf.l_margin, y + 0.8 * line_height, "•", widths)
            _text(pdf, pdf.l_margin + indent, y + 0.8 * line_height, line, widths)
            pdf.set_xy(pdf.l_margin, y + line_height)
