"""A document as a Word file, its bytes pinned to the as-of date."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from emskit.documents.content import Document, Fields, Heading, Image, Paragraph, Table
from emskit.documents.writers.fixed_zip import normalise_zip
from emskit.documents.writers.style import Style
from emskit.escaping import xml_text


def to_docx(doc: Document, style: Style) -> bytes:
    import docx
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
    normal.element.rPr.rFonts.set(docx.oxml.ns.qn("w:eastAsia"), "Microsoft YaHei")
    if style.draft:
        word.sections[0].header.paragraphs[0].text = xml_text(style.draft)
    word.add_heading(xml_text(doc.title), level=1)
    for block in doc.blocks:
        if isinstance(block, Heading):
            word.add_heading(xml_text(block.text), level=min(block.level, 9))
        elif isinstance(block, Paragraph):
            word.add_paragraph(xml_text(block.text))
        elif isinstance(block, Fields):
            _add_word_table(word, None, block.pairs)
        elif isinstance(block, Table):
            _add_word_table(word, block.headers, block.rows)
        elif isinstance(block, Image):
            from docx.shared import Inches

            word.add_picture(io.BytesIO(block.png), width=Inches(6))
            word.add_paragraph(xml_text(block.caption))
    word.add_paragraph(xml_text(style.footer))
    buffer = io.BytesIO()
    word.save(buffer)
    return normalise_zip(buffer.getvalue(), style.as_of)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _add_word_table(word: Any, headers: Any, rows: Any) -> None:
    """A Word table written as XML in one piece: python-docx's cell-by-cell API took 20 s for a
    2,000-aspect register. The header row repeats on every page."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    def cell(text: Any, bold: bool = False) -> str:
        lines = xml_text(str(text)).split("\n")
        runs = "<w:r><w:br/></w:r>".join(
            f'<w:r>{"<w:rPr><w:b/></w:rPr>" if bold else ""}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>'
            for line in lines
        )
        return f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p>{runs}</w:p></w:tc>'

    columns = len(headers) if headers is not None else (len(rows[0]) if rows else 1)
    parts = [
        f'<w:tbl xmlns:w="{_W}"><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        "</w:tblPr><w:tblGrid>" + "<w:gridCol/>" * columns + "</w:tblGrid>"
    ]
    if headers is not None:
        parts.append(
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
            + "".join(cell(h, True) for h in headers)
            + "</w:tr>"
        )
    parts += ["<w:tr>" + "".join(cell(v) for v in row) + "</w:tr>" for row in rows]
    if len(parts) == 1:
        parts.append("<w:tr>" + cell("") * columns + "</w:tr>")  # Word needs at least one row
    parts.append("</w:tbl>")
    body = word.element.body
    body.insert(len(body) - 1, parse_xml("".join(parts)))  # before the closing section properties
