"""A document as a Word file a consultant can edit, its bytes pinned to the as-of date.

A4 (or Letter where the organisation's country uses it) with set margins; a landscape section
for each run of tables over six columns; headings in Word's heading styles; the document
control header, the title block, and a footer with PAGE / NUMPAGES fields on every page.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from emskit.documents.content import Block, Document, Fields, Heading, Image, Paragraph, Table
from emskit.documents.writers.control import ControlText, control_text
from emskit.documents.writers.docx_xml import (
    TWIPS_PER_MM,
    field_runs,
    paragraph_xml,
    table_xml,
    text_run,
)
from emskit.documents.writers.fixed_zip import normalise_zip
from emskit.documents.writers.style import Style
from emskit.documents.writers.widths import paged_blocks
from emskit.escaping import xml_text

WIDE = 6  # a table with more columns than this goes landscape
MARGIN_MM = 18.0
PAPER_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}


def to_docx(doc: Document, style: Style) -> bytes:
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    word = docx.Document()
    stamp = dt.datetime.combine(style.as_of, dt.time(0, 0))
    props = word.core_properties
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.author = props.last_modified_by = "emskit"
    props.revision = 1
    props.title = xml_text(doc.title)
    normal = word.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    # East Asian text needs its own font slot in Word, or it falls back to a serif.
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Microsoft YaHei")
    text = control_text(doc, style)
    blocks = paged_blocks(doc.blocks)
    landscape = _orientations(blocks)
    section = word.sections[0]
    _page_setup(section, style.paper, landscape[0] if landscape else False)
    _header_and_footer(section, text)
    word.add_heading(xml_text(doc.title), level=1)
    if doc.control is not None:
        pairs = text.title_pairs(doc.control)
        rows = [
            (*pairs[i], *(pairs[i + 1] if i + 1 < len(pairs) else ("", "")))
            for i in range(0, len(pairs), 2)
        ]
        _table(word, section, None, rows, frozenset({0, 2}))
        word.add_paragraph()
    current = landscape[0] if landscape else False
    for block, wide in zip(blocks, landscape, strict=True):
        if wide != current:
            from docx.enum.section import WD_SECTION

            section = word.add_section(WD_SECTION.NEW_PAGE)
            _page_setup(section, style.paper, wide)
            current = wide
        if isinstance(block, Heading):
            word.add_heading(xml_text(block.text), level=min(max(block.level, 1), 9))
        elif isinstance(block, Paragraph):
            _paragraph(word, block.text)
        elif isinstance(block, Fields):
            _table(word, section, None, block.pairs, frozenset({0}))
        elif isinstance(block, Table):
            _table(word, section, block.headers, block.rows)
        elif isinstance(block, Image):
            from docx.shared import Mm

            word.add_picture(io.BytesIO(block.png), width=Mm(min(160.0, _usable_mm(section))))
            word.add_paragraph(xml_text(block.caption))
    buffer = io.BytesIO()
    word.save(buffer)
    return normalise_zip(buffer.getvalue(), style.as_of)


def _orientations(blocks: list[Block]) -> list[bool]:
    """Landscape or not, per block: a table over six columns is landscape; the headings and
    text around it go with the next table (its heading, its introduction), or the last one."""
    own: list[bool | None] = [
        len(b.headers) > WIDE if isinstance(b, Table) else None for b in blocks
    ]
    out: list[bool] = []
    following: bool | None = None
    for value in reversed(own):
        following = value if value is not None else following
        out.append(bool(following))
    out.reverse()
    last: bool | None = None
    for index, value in enumerate(own):  # after the last table: keep its orientation
        if value is not None:
            last = value
        elif last is not None and not any(v is not None for v in own[index:]):
            out[index] = last
    return out


def _page_setup(section: Any, paper: str, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    width, height = PAPER_MM.get(paper, PAPER_MM["A4"])
    if landscape:
        width, height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    margin = Mm(MARGIN_MM if not landscape else 15.0)
    section.left_margin = section.right_margin = margin
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    section.header_distance = section.footer_distance = Mm(8)


def _header_and_footer(section: Any, text: ControlText) -> None:
    """The header (organisation, number, revision; DRAFT) and the footer (page x of y, the
    generated line) of the first section; later sections are linked to it."""
    from docx.oxml import parse_xml

    header = section.header.paragraphs[0]._p
    runs = text_run(text.header, 8) if text.header else ""
    if text.draft:
        runs += ("<w:r><w:tab/></w:r>" if runs else "") + text_run(text.draft, 14, True, "C00000")
    header.addnext(parse_xml(paragraph_xml(runs)))
    header.getparent().remove(header)
    footer = section.footer.paragraphs[0]._p
    line = paragraph_xml(text_run(text.footer, 7))
    pages = paragraph_xml(field_runs(text.page_parts(), 8), align="right")
    footer.addnext(parse_xml(pages))
    footer.addnext(parse_xml(line))
    footer.getparent().remove(footer)


def _paragraph(word: Any, text: str) -> None:
    """A paragraph; a Markdown list item ('- ...', '• ...') becomes a Word bulleted item."""
    for line in text.split("\n") if "\n• " in text or text.startswith("• ") else [text]:
        if line.startswith(("• ", "- ")):
            word.add_paragraph(xml_text(line[2:]), style="List Bullet")
        else:
            word.add_paragraph(xml_text(line))


def _table(
    word: Any,
    section: Any,
    headers: Any,
    rows: Any,
    label_columns: frozenset[int] = frozenset(),
) -> None:
    from docx.oxml import parse_xml

    usable = _usable_mm(section)
    columns = len(headers) if headers is not None else (len(rows[0]) if rows else 1)
    size = 7.5 if columns > WIDE + 4 else 8.0 if columns > WIDE else 9.0
    xml = table_xml(headers, rows, int(usable * TWIPS_PER_MM), size, label_columns)
    body = word.element.body
    body.insert(len(body) - 1, parse_xml(xml))  # before the closing section properties


def _usable_mm(section: Any) -> float:
    """The width between the margins, in mm (python-docx lengths are EMU: 36,000 a mm)."""
    width = section.page_width - section.left_margin - section.right_margin
    return float(width) / 36000
