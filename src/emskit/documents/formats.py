"""Documents into files: HTML (jinja2 template), Markdown, Word, Excel and PDF.

Each writer takes a content.Document (or several, for the Excel workbook) and returns bytes.
Everything that could vary between runs is pinned: dates come from the as-of date, zip
entries get a fixed timestamp and order, PNGs and PDFs carry no wall-clock time.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emskit.documents.charts import CJK_FONT, LATIN_BOLD_FONT, LATIN_FONT
from emskit.documents.content import Document, Fields, Heading, Image, Paragraph, Table
from emskit.documents.pdf_table import draw_paragraph, draw_table
from emskit.escaping import markdown_cell, markdown_text, terminal_text, xml_text
from emskit.words import has_word, word

FORMATS = ("pdf", "docx", "xlsx", "html", "md")


@dataclass(frozen=True)
class Style:
    """What every format needs besides the content."""

    repo_root: Path
    language: str
    as_of: dt.date
    footer: str
    draft: str | None  # the DRAFT label in the pack's language, or None
    pdf_fonts: PdfFonts | None = None  # fonts subset to the pack's characters (see subset_fonts)


@dataclass(frozen=True)
class PdfFonts:
    regular: Path
    bold: Path
    cjk: Path


def subset_fonts(documents: list[Document], folder: Path, extra: str = "") -> PdfFonts:
    """Cut the fonts down to the characters the pack uses, once: fpdf2 parses every font it is
    given for every PDF, and parsing the full CJK font 20 times took 19 s."""
    import logging

    from fontTools import subset

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset" is harmless

    text = "".join(sorted(set(_all_text(documents) + extra) | set(" 0123456789.,;:-–—()/%[]·…•")))
    paths = {}
    for key, source in (
        ("regular", LATIN_FONT),
        ("bold", LATIN_BOLD_FONT),
        ("cjk", CJK_FONT),
    ):
        options = subset.Options()
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        font = subset.load_font(str(source), options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        target = folder / f"{key}.ttf"
        subset.save_font(font, str(target), options)
        paths[key] = target
    return PdfFonts(**paths)


def _all_text(documents: list[Document]) -> str:
    parts: list[str] = []
    for doc in documents:
        parts.append(doc.title)
        for block in doc.blocks:
            if isinstance(block, Heading | Paragraph):
                parts.append(block.text)
            elif isinstance(block, Fields):
                parts += [f"{a}{b}" for a, b in block.pairs]
            elif isinstance(block, Table):
                parts += [str(c) for c in block.headers] + [
                    str(c) for row in block.rows for c in row
                ]
            elif isinstance(block, Image):
                parts.append(block.caption)
    return "".join(parts)


def _blocks_for_template(doc: Document) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append({"kind": "heading", "text": block.text, "level": min(block.level, 6)})
        elif isinstance(block, Paragraph):
            out.append({"kind": "paragraph", "text": block.text})
        elif isinstance(block, Fields):
            out.append({"kind": "fields", "pairs": block.pairs})
        elif isinstance(block, Table):
            out.append({"kind": "table", "headers": block.headers, "rows": block.rows})
        elif isinstance(block, Image):
            out.append(
                {
                    "kind": "image",
                    "caption": block.caption,
                    "data": base64.b64encode(block.png).decode(),
                }
            )
    return out


def to_html(doc: Document, style: Style) -> bytes:
    from emskit.documents.render import render_template

    return render_template(
        style.repo_root,
        "documents/document.html.j2",
        {
            "doc": doc,
            "blocks": _blocks_for_template(doc),
            "language": style.language,
            "footer": style.footer,
            "draft": style.draft is not None,
            "draft_label": style.draft or "",
        },
    ).encode("utf-8")


def to_markdown(doc: Document, style: Style) -> bytes:
    md = markdown_text
    lines = [f"# {md(doc.title)}", ""] + ([f"**{md(style.draft)}**", ""] if style.draft else [])
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * min(block.level, 6)} {markdown_cell(block.text)}", ""]
        elif isinstance(block, Paragraph):
            lines += [md(block.text), ""]
        elif isinstance(block, Fields):
            lines += [f"- **{md(label)}**: {markdown_cell(value)}" for label, value in block.pairs]
            lines += [""]
        elif isinstance(block, Table):
            lines += [
                "| " + " | ".join(markdown_cell(str(h)) for h in block.headers) + " |",
                "|" + " --- |" * len(block.headers),
            ]
            lines += [
                "| " + " | ".join(markdown_cell(str(c)) for c in row) + " |" for row in block.rows
            ] + [""]
        elif isinstance(block, Image):
            chart = word("chart-elsewhere", style.language)
            lines += [f"*{md(block.caption)}* {md(chart)}", ""]
    lines += ["---", md(style.footer), ""]
    return "\n".join(lines).encode("utf-8")


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


def to_xlsx(docs: list[Document], style: Style) -> bytes:
    """One workbook, one sheet per register table: filters, frozen header row, fitted widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
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


def to_pdf(doc: Document, style: Style) -> bytes:
    from fpdf import FPDF

    class Page(FPDF):  # type: ignore[misc]
        def header(self) -> None:  # fpdf2 calls this on every page: the DRAFT mark goes on each
            if style.draft:
                cjk = any(ord(ch) > 0x2E80 for ch in style.draft)
                with self.local_context(text_color=(225, 170, 170)):
                    self.set_font("CJK" if cjk else "Body", "B", 60)
                    with self.rotation(30, self.w / 2, self.h / 2):
                        self.text(
                            self.w / 2 - self.get_string_width(style.draft) / 2,
                            self.h / 2,
                            style.draft,
                        )

    pdf = Page(
        orientation="landscape" if any(len(t.headers) > 6 for t in doc.tables) else "portrait",
        format="A4",
    )
    pdf.set_creation_date(dt.datetime.combine(style.as_of, dt.time(0, 0), tzinfo=dt.UTC))
    pdf.set_title(terminal_text(doc.title))
    pdf.set_creator("emskit")
    fonts = style.pdf_fonts or PdfFonts(LATIN_FONT, LATIN_BOLD_FONT, CJK_FONT)
    pdf.add_font("Body", fname=str(fonts.regular))
    pdf.add_font("Body", style="B", fname=str(fonts.bold))
    pdf.add_font("CJK", fname=str(fonts.cjk))
    pdf.add_font("CJK", style="B", fname=str(fonts.cjk))
    pdf.set_fallback_fonts(["CJK"], exact_match=False)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Body", "B", 16)
    pdf.multi_cell(0, 9, terminal_text(doc.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for block in doc.blocks:
        if isinstance(block, Heading):
            pdf.ln(2)
            size = 13 if block.level <= 2 else 11
            draw_paragraph(pdf, terminal_text(block.text), size, 7, bold=True)
        elif isinstance(block, Paragraph):
            draw_paragraph(pdf, terminal_text(block.text), 10, 5.5)
            pdf.ln(1)
        elif isinstance(block, Fields | Table):
            headers, rows = (
                (None, block.pairs) if isinstance(block, Fields) else (block.headers, block.rows)
            )
            columns = len(rows[0]) if headers is None and rows else len(headers or ())
            if not columns:
                continue
            size = 7.5 if columns > 6 else 9
            pdf.set_font("Body", "", size)
            widths = _column_widths(pdf, headers or ("",) * columns, rows, size)
            draw_table(
                pdf,
                [terminal_text(str(h)) for h in headers] if headers is not None else None,
                [[_fit(v) for v in row] for row in rows],
                widths,
                size,
                line_height=size * 0.42,
            )
            pdf.ln(2)
        elif isinstance(block, Image):
            pdf.image(io.BytesIO(block.png), w=min(170, pdf.epw))
            pdf.set_font("Body", "", 8)
            pdf.multi_cell(0, 5, terminal_text(block.caption), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Body", "", 7)
    pdf.ln(3)
    pdf.multi_cell(0, 4, style.footer, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _column_widths(pdf: Any, headers: Any, rows: Any, size: float) -> tuple[float, ...]:
    """Column widths in mm that never split a word (ids, dates, 'emergency'): each column gets
    at least its longest word, and the rest of the page goes to the columns with long text.
    CJK text may break between any two characters, so a CJK run counts as two characters."""
    from emskit.documents.pdf_table import PADDING, Widths

    body, bold = Widths(pdf, size, False), Widths(pdf, size, True)
    padding = 2 * PADDING + 0.4
    minimums, wants = [], []
    for index, header in enumerate(headers):
        cells = [str(row[index]) for row in rows]
        heading = max([_word_width(bold, w) for w in str(header).split()] + [0.0])
        minimums.append(
            max([heading] + [_word_width(body, w) for c in cells for w in c.split()]) + padding
        )
        wants.append(
            min(max([bold.text(str(header))] + [body.text(c) for c in cells]), 90.0) + padding
        )
    spare = pdf.epw - sum(minimums)
    if spare <= 0:
        return tuple(m * pdf.epw / sum(minimums) for m in minimums)  # squeeze; words then break
    if sum(wants) <= pdf.epw:  # everything fits: share out the slack in proportion
        scale = pdf.epw / sum(wants)
        return tuple(w * scale for w in wants)
    growth = [max(w - m, 0.0) for w, m in zip(wants, minimums, strict=True)]
    total_growth = sum(growth) or 1.0
    return tuple(m + spare * g / total_growth for m, g in zip(minimums, growth, strict=True))


def _fit(value: Any, most: int = 1200) -> str:
    """A PDF table row must fit on one page; a cell longer than that is cut (the Word, Excel
    and HTML versions keep it whole). Controls have no glyph: they are removed."""
    text = terminal_text(str(value))
    return text if len(text) <= most else text[:most] + " …"


def _word_width(widths: Any, word: str) -> float:
    if any(ord(ch) > 0x2E80 for ch in word):
        return float(widths.text("MM"))
    return float(widths.text(word))


# Zip stores dates as DOS timestamps, which hold 1980 to 2107 only.
_ZIP_FIRST, _ZIP_LAST = dt.date(1980, 1, 1), dt.date(2107, 12, 31)


def _zip_time(as_of: dt.date) -> tuple[int, int, int, int, int, int]:
    """The as-of date as a zip timestamp, clamped to the range a zip can hold."""
    day = min(max(as_of, _ZIP_FIRST), _ZIP_LAST)
    return (day.year, day.month, day.day, 0, 0, 0)


def fixed_zip(entries: Iterable[tuple[str, bytes]], as_of: dt.date) -> bytes:
    """A zip whose bytes depend only on its entries and the as-of date: every entry stamped
    with the as-of date, the same permissions and compression, in the order given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in entries:
            entry = zipfile.ZipInfo(name, date_time=_zip_time(as_of))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, body)
    return out.getvalue()


def normalise_zip(data: bytes, as_of: dt.date) -> bytes:
    """Rewrite an Office file (docx, xlsx) through fixed_zip; entry order is kept (Office wants
    [Content_Types].xml first) and the 'modified' stamp openpyxl takes from the clock is pinned."""
    import re

    source = zipfile.ZipFile(io.BytesIO(data))
    stamp = f"{as_of.isoformat()}T00:00:00Z".encode()

    def entries() -> Iterator[tuple[str, bytes]]:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    body,
                )
            yield info.filename, body

    return fixed_zip(entries(), as_of)
