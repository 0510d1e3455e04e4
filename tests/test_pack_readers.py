"""The sample organisation's pack, in English and in Chinese, read back by independent readers:
every PDF passes qpdf and renders without a warning in poppler and in MuPDF with every page's
furniture and every heading and row present; every Word file opens in python-docx and converts
in LibreOffice with no id broken; every workbook opens in openpyxl with typed cells.

The documents carry document control values made here by hand (the pack computes the real
ones); the writers are what is tested: where they put them and whether readers accept the files.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import AS_OF
from test_pack import committed_copy

from emskit.documents.content import Document, DocumentControl, Heading, Image, Table
from emskit.documents.writers.widths import paged_blocks
from emskit.words import word

QPDF, PDFTOTEXT, PDFTOPPM, MUTOOL = (
    shutil.which(t) for t in ("qpdf", "pdftotext", "pdftoppm", "mutool")
)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Said by a MuPDF built without colour management about itself, whatever the file.
MUPDF_BUILD_NOTE = "warning: ICC support is not available"


def control(ctx: Any, number: int, draft: bool) -> DocumentControl:
    """Hand-made document control values: what pack-control computes, for the writers' tests."""
    language = ctx.labels.language
    return DocumentControl(
        organisation=ctx.text(ctx.repo.config.organization.name),
        number=f"EMS-TST-{number:02d}",
        revision=str(number % 4) if number % 5 else "",
        revision_date="2026-05-10" if number % 5 else "",
        prepared_by="Li Wei (EMS manager)",
        approved_by="Zhang Min (General manager)",
        status=word("term.approved", language),
        as_of=AS_OF.isoformat(),
        commit="0123456789ab",
        draft=draft,
    )


def build(root: Path, draft: bool) -> tuple[list[Document], dict[str, bytes]]:
    from emskit.commands.pack import build_documents
    from emskit.documents.context import PackContext
    from emskit.documents.writers import FORMATS, Style, write_documents
    from emskit.repo.loader import load_repository

    repo = load_repository(root)
    assert repo.config is not None
    ctx = PackContext(repo, AS_OF, "0123456789abcdef")
    documents = []
    for number, document in enumerate(build_documents(ctx, repo.config.ems.jurisdiction), 1):
        document.control = control(ctx, number, draft)
        documents.append(document)
    language = repo.config.ems.language
    footer = word("generated", language, version="0", commit="0123456789ab", as_of="2026-11-22")
    style = Style(root, language, AS_OF, footer, word("draft", language) if draft else None)
    return documents, write_documents(documents, FORMATS, style)


@pytest.fixture(scope="module", params=["en", "zh-CN"])
def pack(request, tmp_path_factory) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    language = request.param
    tmp = tmp_path_factory.mktemp(language)
    root = committed_copy(tmp, language=None if language == "en" else language)
    draft = language == "zh-CN"  # the Chinese pack is a draft: 草稿 on every page
    documents, files = build(root, draft)
    out = tmp / "pack"
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return {"language": language, "draft": draft, "docs": documents, "files": files, "out": out}


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=300)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdfs(pack: dict[str, Any]) -> list[tuple[Document, Path]]:
    return [(doc, pack["out"] / "pdf" / f"{doc.name}.pdf") for doc in pack["docs"]]


def page_texts(path: Path) -> list[str]:
    text = run(PDFTOTEXT, "-layout", path, "-")
    assert text.returncode == 0 and text.stderr == "", (path.name, text.stderr)
    return text.stdout.split("\f")[:-1]


# --- PDF -----------------------------------------------------------------------------------


@pytest.mark.skipif(QPDF is None, reason="no qpdf")
def test_every_pdf_passes_qpdf_check(pack) -> None:  # type: ignore[no-untyped-def]
    for _, path in pdfs(pack):
        result = run(QPDF, "--check", path)
        assert result.returncode == 0 and "No syntax or stream encoding errors" in result.stdout
        assert result.stderr == "", (path.name, result.stderr)


@pytest.mark.skipif(PDFTOPPM is None, reason="no poppler")
def test_every_pdf_renders_in_poppler_without_a_warning(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for _, path in pdfs(pack):
        result = run(PDFTOPPM, "-r", "20", "-png", path, tmp_path / path.stem)
        assert result.returncode == 0 and result.stderr == "", (path.name, result.stderr)
        page_texts(path)  # pdftotext: no warning either


@pytest.mark.skipif(PDFTOTEXT is None, reason="no poppler")
def test_every_page_has_its_header_footer_and_the_documents_content(pack) -> None:  # type: ignore[no-untyped-def]
    """On every page: the control header, 'page x of y', the generated line (and DRAFT);
    the title block on page 1; every heading, chart caption and row id somewhere, so a page
    break drops nothing (poppler once lost a chart, its caption and the next table)."""
    language = pack["language"]
    for doc, path in pdfs(pack):
        pages = page_texts(path)
        assert doc.control is not None
        number = doc.control.number
        for index, text in enumerate(pages, 1):
            page = word("doc.page", language, page=index, pages=len(pages))
            where = (path.name, index)
            assert flat(page) in flat(text), where
            assert number in text and flat(doc.control.organisation)[:6] in flat(text), where
            assert "0123456789ab" in text and "2026-11-22" in text, where
        if pack["draft"]:  # pdftotext leaves out diagonal text: read the mark with pypdf
            from pypdf import PdfReader

            marks = [word("draft", language) in p.extract_text() for p in PdfReader(path).pages]
            assert marks == [True] * len(pages), path.name
        first = flat(pages[0])
        assert (
            flat(word("doc.number", language)) in first
            and flat(word("doc.prepared-by", language)) in first
        )
        everything = flat("".join(pages))
        for block in doc.blocks:
            if isinstance(block, Heading | Image):
                shown = block.text if isinstance(block, Heading) else block.caption
                assert flat(shown) in everything, (path.name, shown)
            elif isinstance(block, Table):
                for row in block.rows:
                    first_word = (str(row[0]).split() or [""])[0]
                    # an id or a Latin word: a Chinese cell wraps, its lines interleaved
                    if 3 <= len(first_word) < 20 and first_word.isascii():
                        assert flat(first_word) in everything, (path.name, first_word)
        last = doc.blocks[-1] if doc.blocks else None  # the document's last element, last page
        if isinstance(last, Table) and last.rows:
            tail = (str(last.rows[-1][0]).split() or [""])[0][:20]
            assert flat(tail) in flat(pages[-1]), (path.name, tail)


@pytest.mark.skipif(MUTOOL is None, reason="no MuPDF")
def test_every_pdf_renders_in_mupdf_with_readable_text(pack) -> None:  # type: ignore[no-untyped-def]
    """MuPDF says nothing about the file, and draws every text in a dark colour (after the old
    page-break bug it drew headings and footers in the pale table-header fill)."""
    for doc, path in pdfs(pack):
        drawn = run(MUTOOL, "draw", "-q", "-F", "txt", "-o", "-", path)
        notes = [line for line in drawn.stderr.splitlines() if line != MUPDF_BUILD_NOTE]
        assert drawn.returncode == 0 and notes == [], (path.name, notes)
        assert doc.control is not None and doc.control.number in drawn.stdout
        trace = run(MUTOOL, "trace", path).stdout
        colours = set(re.findall(r'<fill_text colorspace="\w+" color="([^"]*)"', trace))
        assert colours, path.name
        for colour in colours:
            values = [float(v) for v in colour.split()]
            pale_draft = pack["draft"] and values[0] > 0.8 and values[1] < 0.75
            assert pale_draft or max(values) < 0.5, (path.name, colour)


def test_the_cjk_font_is_embedded_only_where_chinese_is_written(pack) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    embedded = []
    for _, path in pdfs(pack):
        names = {
            str(font.get_object()["/BaseFont"])
            for page in PdfReader(path).pages
            for font in page["/Resources"]["/Font"].values()
        }
        chinese = re.search(r"[\u4e00-\u9fff]", "".join(page_texts(path))) is not None
        assert any("Droid" in n for n in names) == chinese, (path.name, names)
        embedded.append(chinese)
    if pack["language"] == "en":  # most English documents have no Chinese, and no CJK font
        assert embedded.count(False) > len(embedded) / 2, embedded
    else:
        assert all(embedded)


# --- Word ----------------------------------------------------------------------------------


def test_every_docx_is_a4_with_control_fields_fixed_tables_and_heading_styles(pack) -> None:  # type: ignore[no-untyped-def]
    import docx
    from docx.shared import Mm

    for doc in pack["docs"]:
        data = pack["files"][f"docx/{doc.name}.docx"]
        word_file = docx.Document(io.BytesIO(data))
        xml = word_file.element.xml
        first = word_file.sections[0]
        short, long = sorted((first.page_width, first.page_height))
        assert abs(short - Mm(210)) < Mm(1) and abs(long - Mm(297)) < Mm(1), doc.name
        assert all(s.left_margin >= Mm(10) for s in word_file.sections)
        assert word_file.paragraphs[0].text == doc.title
        assert word_file.paragraphs[0].style.name == "Heading 1"
        headings = [b for b in doc.blocks if isinstance(b, Heading)]
        styled = [p for p in word_file.paragraphs if p.style.name.startswith("Heading")]
        assert len(styled) == len(headings) + 1, doc.name
        footer = first.footer._element.xml
        assert "PAGE" in footer and "NUMPAGES" in footer, doc.name
        header = "".join(p.text for p in first.header.paragraphs)
        assert doc.control is not None and doc.control.number in header
        if pack["draft"]:
            assert word("draft", pack["language"]) in header
        assert doc.control.number in word_file.tables[0]._element.xml  # the title block
        for table in word_file.tables:
            grid = table._element.xpath("./w:tblGrid/w:gridCol/@w:w")
            assert grid and all(int(w) > 300 for w in grid), doc.name  # widths set, none zero
            assert table._element.xpath("./w:tblPr/w:tblLayout[@w:type='fixed']"), doc.name
        # As Word prints them: without the columns no row fills, a very wide one in parts.
        wide = [t for t in paged_blocks(doc.tables) if isinstance(t, Table) and len(t.headers) > 6]
        for table in wide:
            header_row = next(
                t for t in word_file.tables if t.rows[0].cells[0].text == table.headers[0]
            )
            assert header_row._element.xpath("./w:tr[1]/w:trPr/w:tblHeader")
        if wide:
            assert any(s.page_width > s.page_height for s in word_file.sections), doc.name
        assert "<w:tblHeader/>" in xml or not doc.tables


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice")
def test_every_docx_converts_in_libreoffice_and_no_id_breaks(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sources = sorted((pack["out"] / "docx").glob("*.docx"))
    result = run(
        SOFFICE,
        f"-env:UserInstallation=file://{tmp_path / 'profile'}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        tmp_path,
        *sources,
    )
    assert result.returncode == 0, result.stderr
    for source in sources:
        converted = tmp_path / f"{source.stem}.pdf"
        assert converted.exists(), (source.name, result.stdout, result.stderr)
    text = run(PDFTOTEXT, "-layout", tmp_path / "aspects-register.pdf", "-").stdout
    aspects = next(d for d in pack["docs"] if d.name == "aspects-register")
    register = next(t for t in aspects.tables if t.sheet == "Aspects")  # after the scales
    ids = [row[0] for row in register.rows]
    assert len(ids) == 35 and all(re.search(rf"(?<![\w-]){i}(?![\w-])", text) for i in ids), [
        i for i in ids if i not in text
    ]


# --- Excel ---------------------------------------------------------------------------------


def test_every_sheet_is_typed_printable_and_named_in_the_packs_language(pack) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(pack["files"]["xlsx/registers.xlsx"]))
    names = book.sheetnames
    assert len(names) == len(set(names)) and all(len(n) <= 31 for n in names)
    if pack["language"] == "zh-CN":
        assert all(re.search(r"[\u4e00-\u9fff]", n) for n in names), names
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref, sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        wide = sheet.max_column > 6
        assert sheet.page_setup.orientation == ("landscape" if wide else "portrait"), sheet.title
        assert "&P" in sheet.oddFooter.right.text and "&N" in sheet.oddFooter.right.text
    aspects = book[word("sheet.Aspects", pack["language"])]
    header = [c.value for c in aspects[1]]
    score = header.index(word("score", pack["language"])) + 1
    scores = [aspects.cell(row=r, column=score).value for r in range(2, aspects.max_row + 1)]
    assert len(scores) == 35 and all(type(s) is int for s in scores), scores
    obligations = book[word("sheet.Obligations", pack["language"])]
    dates = [c for row in obligations.iter_rows(min_row=2) for c in row if c.is_date]
    assert dates and all(isinstance(c.value, dt.datetime) for c in dates)
    assert all(c.number_format == "yyyy-mm-dd" for c in dates)
    clauses = book[word("sheet.Clauses", pack["language"])]
    assert all(isinstance(c.value, str) for c in clauses["A"])  # "4.1" is a clause, not 4.1


# --- paper ---------------------------------------------------------------------------------


def test_letter_paper_where_the_country_uses_it(tmp_path: Path) -> None:
    import docx
    from docx.shared import Mm
    from pypdf import PdfReader

    from emskit.documents.content import Paragraph
    from emskit.documents.writers import Style, write_document
    from emskit.documents.writers.widths import paper_for

    assert (paper_for("US"), paper_for("ca"), paper_for("CN"), paper_for(None)) == (
        "Letter",
        "Letter",
        "A4",
        "A4",
    )
    doc = Document("memo", "Memo").add(Paragraph("Hello"))
    style = Style(tmp_path, "en", AS_OF, "Generated.", None, paper="Letter")
    section = docx.Document(io.BytesIO(write_document(doc, "docx", style))).sections[0]
    assert abs(section.page_width - Mm(215.9)) < Mm(1)
    box = PdfReader(io.BytesIO(write_document(doc, "pdf", style))).pages[0].mediabox
    assert round(float(box.width)) == 612 and round(float(box.height)) == 792


# --- charts and Markdown -------------------------------------------------------------------


def test_progress_chart_has_units_and_puts_month_end_readings_on_their_month() -> None:
    from types import SimpleNamespace

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from emskit.documents.charts import objective_figure
    from emskit.documents.labels import Labels

    readings = [
        SimpleNamespace(date=dt.date(2026, month, day), value=value)
        for month, day, value in ((1, 31, 0.8), (2, 28, 0.75), (3, 31, 0.7))
    ]
    objective = SimpleNamespace(
        title="Cut VOC",
        target=SimpleNamespace(value=0.64),
        baseline=SimpleNamespace(value=0.8),
    )
    figure = objective_figure("OBJ-001", readings, objective, Labels("en"), "t")
    axes = figure.axes[0]
    assert axes.get_ylabel() == "t"
    from matplotlib import dates

    plotted = [dates.num2date(x).date() for x in axes.lines[0].get_xdata(orig=False)]
    assert plotted == [dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2026, 3, 1)]
    FigureCanvasAgg(figure).draw()
    labels = [t.get_text() for t in axes.get_xticklabels()]
    assert "2026-01" in labels and "2026-03" in labels, labels


def test_every_text_of_a_progress_chart_lies_inside_its_image() -> None:
    # The margins are fixed (no tight layout): a long Chinese title, a five-digit axis and a
    # unit on it, twelve slanted month labels must still fit inside the picture.
    from types import SimpleNamespace

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from emskit.documents.charts import objective_figure
    from emskit.documents.labels import Labels

    readings = [
        SimpleNamespace(date=dt.date(2026, month, 28), value=12000 + 40 * month)
        for month in range(1, 13)
    ]
    objective = SimpleNamespace(
        title={"en": "Energy", "zh-CN": "单位产品综合能耗降低百分之八（压铸车间与机加工车间）"},
        target=SimpleNamespace(value=11500),
        baseline=SimpleNamespace(value=12500),
    )
    figure = objective_figure("OBJ-002", readings, objective, Labels("zh-CN"), "kWh/t")
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    axes = figure.axes[0]
    texts = [axes.title, axes.yaxis.label, *axes.get_xticklabels(), *axes.get_yticklabels()]
    image = figure.bbox
    for text in texts:
        if not text.get_text():
            continue
        box = text.get_window_extent(renderer)
        assert image.x0 <= box.x0 and box.x1 <= image.x1, (text.get_text(), box, image)
        assert image.y0 <= box.y0 and box.y1 <= image.y1, (text.get_text(), box, image)


def test_a_heading_and_a_header_row_never_stand_alone_at_the_foot_of_a_page(
    tmp_path: Path,
) -> None:
    # Pushed down line by line, the heading and the table it heads must cross to the next
    # page together with the table's header row and first row, whatever room is left.
    from pypdf import PdfReader

    from emskit.documents.content import Heading, Paragraph, Table
    from emskit.documents.writers import Style, write_document

    style = Style(tmp_path, "en", AS_OF, "Generated.", None)
    rows = tuple((f"ROW-{n}", f"Name {n}") for n in range(1, 6))
    moved = 0
    for lines in range(30, 56):
        doc = Document("register", "Register").add(
            Paragraph("\n".join(f"Line {n}" for n in range(lines))),
            Heading("Aspects list"),
            Table(("Ident", "Name"), rows),
        )
        pages = [
            p.extract_text() for p in PdfReader(io.BytesIO(write_document(doc, "pdf", style))).pages
        ]
        [heading_page] = [i for i, text in enumerate(pages) if "Aspects list" in text]
        assert "Ident" in pages[heading_page] and "ROW-1" in pages[heading_page], (lines, pages)
        moved += heading_page > 0 and f"Line {lines - 1}" in pages[0]
    assert moved, "no case put the heading at the foot of the first page"


def test_a_chart_drawn_once_is_taken_from_the_cache_and_a_forged_one_is_drawn_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    from emskit.documents import charts
    from emskit.documents.labels import Labels

    monkeypatch.setenv("EMSKIT_CACHE_DIR", str(tmp_path / "cache"))
    readings = [SimpleNamespace(date=dt.date(2026, m, 28), value=1.0 - m / 100) for m in (1, 2, 3)]
    objective = SimpleNamespace(
        title="Cut VOC", target=SimpleNamespace(value=0.64), baseline=SimpleNamespace(value=0.8)
    )
    first = charts.objective_chart("OBJ-001", readings, objective, Labels("en"), "t")
    assert first.startswith(b"\x89PNG")
    [entry] = (tmp_path / "cache").glob("chart-*.png")

    drawn: list[str] = []
    draw = charts.objective_figure
    monkeypatch.setattr(
        charts,
        "objective_figure",
        lambda *a: drawn.append(a[0]) or draw(*a),  # type: ignore[func-returns-value]
    )
    assert charts.objective_chart("OBJ-001", readings, objective, Labels("en"), "t") == first
    assert drawn == []  # the same picture, not drawn again

    entry.write_bytes(entry.read_bytes().replace(b"IEND", b"IEN_"))  # edited: signature broken
    assert charts.objective_chart("OBJ-001", readings, objective, Labels("en"), "t") == first
    assert drawn == ["OBJ-001"]

    later = [*readings, SimpleNamespace(date=dt.date(2026, 4, 28), value=0.7)]
    assert charts.objective_chart("OBJ-001", later, objective, Labels("en"), "t") != first
    assert drawn == ["OBJ-001", "OBJ-001"]  # a new reading is a new picture
    zh = charts.objective_chart("OBJ-001", readings, objective, Labels("zh-CN"), "t")
    assert zh != first and len(drawn) == 3  # other words drawn: another picture
