"""Repository text made safe for each output format: one function per format, used by every
writer of that format.

Everything a repository holds is data, never markup or code. A title such as
``=HYPERLINK("x")`` must not become a live formula, ``[/bold]`` must not be read as rich
markup, ``<script>`` must not reach a Markdown page as HTML, ``a\\rb`` must not add a line to a
calendar file and ``\\x1b[31m`` must not recolour a terminal. This module imports nothing from
emskit, so every layer may use it.
"""

from __future__ import annotations

import re

# XML 1.0 allows only these characters; anything else makes the document not well-formed
# (and makes lxml, under python-docx and openpyxl, raise).
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# C0 and C1 controls (and DEL) except newline and tab: ESC starts terminal escape sequences,
# BEL rings, CR overwrites the line already printed.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# OWASP "CSV injection": a cell starting with one of these is run as a formula by spreadsheet
# tools. Tab and CR are on the list because some tools strip them before looking.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

# Markdown: characters that start inline markup anywhere in a line, and the ones that start a
# block (heading, list, quote, setext underline, numbered list) at the start of a line.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]~|])")
_MARKDOWN_LINE_START = re.compile(
    r"^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s|$)|\d+[.)](?=\s|$)|[=-]+\s*$)", re.MULTILINE
)


def xml_text(text: str) -> str:
    """Text for an XML document (JUnit, Word, Excel): characters XML cannot hold removed. The
    XML library still escapes ``<`` and ``&``; this is only what it cannot escape."""
    return _XML_ILLEGAL.sub("", text)


def terminal_text(text: str) -> str:
    """Text for a terminal or plain text output: control characters removed, newline and tab
    kept. On a terminal, rich gets this as ``rich.text.Text``, never as markup, so brackets
    in data ('[/bold]', '[link=...]') are printed as typed."""
    return _CONTROLS.sub("", text)


def is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text.strip()) is not None if text else False


def spreadsheet_cell(text: str) -> str:
    """A CSV cell a spreadsheet will show as text: a leading quote before anything a
    spreadsheet would run as a formula, real numbers (``-3``, ``+1.5``) left as numbers, and
    every line break written as a newline. Python's csv writer quotes a cell only for the
    characters of its line terminator (a newline here), so a bare CR would go out unquoted and
    end the row early for a reader that takes CR as a line end, starting a row of its own."""
    if text.startswith(_FORMULA_START) and not is_number(text):
        text = "'" + text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def markdown_text(text: str) -> str:
    """Text for a Markdown document: HTML escaped (so ``<script>`` is shown, not run) and the
    characters that would start emphasis, links, code, tables or blocks backslash-escaped.
    Newlines are kept: use ``markdown_cell`` inside a table or a heading."""
    return _MARKDOWN_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _inline(text))


def markdown_cell(text: str) -> str:
    """Text for one line that is already inside a block (a table cell, a heading, a list item):
    no line break, and block markers such as '4.1' or '-' mean nothing there."""
    return _inline(" ".join(text.splitlines()))


def _inline(text: str) -> str:
    text = terminal_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_INLINE.sub(r"\\\1", text)


def markdown_code(text: str) -> str:
    """A Markdown code span inside a table cell: HTML is not read inside a code span, so only
    the fence must outgrow the backticks in the text, and ``|`` must not end the cell."""
    text = " ".join(terminal_text(text).splitlines()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def ics_text(text: str) -> str:
    """An iCalendar TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma
    escaped, every line break (CRLF, LF and a bare CR) written as ``\\n``, other controls
    removed. Folding long lines is ``ics_fold``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = terminal_text(text).replace("\t", " ")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 section 3.1) without splitting a UTF-8
    character."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with one space
        if size + width > limit:
            out.append(current)
            current, size = char, width
        else:
            current, size = current + char, size + width
    out.append(current)
    return "\r\n ".join(out)
