"""Word XML written in one piece: tables with fixed widths and repeating header rows, page
number fields, the title block. python-docx's cell-by-cell API took 20 s for a 2,000-aspect
register; a table as one XML string takes a fraction of that."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from emskit.documents.writers.widths import em_width, share_width, text_columns
from emskit.escaping import xml_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_MM = 56.7
HEADER_SHADE = "EEF1F4"
CELL_MARGIN = 68  # twips, 1.2 mm left and right in each cell (Word's default is 1.9 mm)


def table_xml(
    headers: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    width_twips: int,
    size_pt: float,
    label_columns: frozenset[int] = frozenset(),
) -> str:
    """A table of fixed layout whose column widths come from the content (so LibreOffice and
    Word never break a word letter by letter), its header row repeated on every page."""
    columns = len(headers) if headers is not None else (len(rows[0]) if rows else 1)
    em = size_pt * 20  # twips
    padding = 2 * CELL_MARGIN + 60  # the cell margins, and a little air

    def measure(text: str, bold: bool) -> float:
        return em_width(text, bold) * em + padding

    floors: list[float] = []
    minimums, wants = text_columns(
        headers if headers is not None else [""] * columns, rows, measure, width_twips * 0.6, floors
    )
    minimums = [max(m, 360.0) for m in minimums]
    widths = [int(w) for w in share_width(minimums, wants, width_twips, floors)]
    half = int(size_pt * 2)
    run_props = f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'

    def cell(text: Any, width: int, bold: bool = False, shade: bool = False) -> str:
        lines = xml_text(str(text)).split("\n")
        props = f"<w:rPr>{'<w:b/>' if bold else ''}{run_props}</w:rPr>"
        runs = "<w:r><w:br/></w:r>".join(
            f"<w:r>{props}{_text_element(line)}</w:r>" for line in lines
        )
        fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_SHADE}"/>' if shade else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}</w:tcPr>'
            f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>{runs}</w:p></w:tc>'
        )

    def row(values: Sequence[Any], header: bool = False) -> str:
        cells = "".join(
            cell(v, w, header or i in label_columns, header or i in label_columns)
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        )
        props = "<w:trPr><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
        return f"<w:tr>{props}{cells}</w:tr>"

    parts = [
        f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
    ]
    if headers is not None:
        parts.append(row(headers, header=True))
    parts += [row(values) for values in rows]
    if len(parts) == 1:
        parts.append(row([""] * columns))  # Word needs at least one row
    parts.append("</w:tbl>")
    return "".join(parts)


def _text_element(line: str) -> str:
    """A w:t exactly as lxml writes it back (the table is spliced into document.xml as this
    string, see docx.py): empty as one tag, a carriage return read as a line feed."""
    if not line:
        return '<w:t xml:space="preserve"/>'
    return f'<w:t xml:space="preserve">{escape(line.replace(chr(13), chr(10)))}</w:t>'


def field_runs(parts: Sequence[tuple[str, str]], size_pt: float) -> str:
    """Runs for 'Page {PAGE} of {NUMPAGES}': text pieces and Word fields that count pages."""
    half = int(size_pt * 2)
    props = (
        f'<w:rPr><w:color w:val="595959"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
    )
    out = []
    for kind, text in parts:
        if kind == "text":
            out.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
        else:
            code = "PAGE" if kind == "page" else "NUMPAGES"
            out.append(
                f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r>{props}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
                f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
                f"<w:r>{props}<w:t>1</w:t></w:r>"
                f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
            )
    return "".join(out)


def text_run(text: str, size_pt: float, bold: bool = False, colour: str = "595959") -> str:
    half = int(size_pt * 2)
    return (
        f'<w:r><w:rPr>{"<w:b/>" if bold else ""}<w:color w:val="{colour}"/>'
        f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(xml_text(text))}</w:t></w:r>'
    )


def paragraph_xml(runs: str, align: str = "left") -> str:
    return (
        f'<w:p xmlns:w="{W}"><w:pPr><w:spacing w:before="0" w:after="0"/>'
        f'<w:jc w:val="{align}"/></w:pPr>{runs}</w:p>'
    )
