"""The pack's fast paths write the bytes the plain ones did. Word tables are XML strings
spliced into document.xml unparsed (docx.py): each must be exactly what lxml writes for the
same tree, and read back with python-docx cell for cell. The PDF writer's ASCII shortcuts
answer what its per-character code answers. PDFs written in a forked process are the bytes
one process writes, and a failure there is raised, not lost."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from emskit.documents.content import Document, Fields, Heading, Table
from emskit.documents.writers import Style, write_document
from emskit.documents.writers.docx_xml import table_xml

HOSTILE = [
    ("ASP-001", "a & b <c> \"q\" 's' ]]> >", ""),
    ("x\r\ny\rz", "\t tab", " lead 中文\U0001f600 "),
    ("a\n\nb", "\x01control", "  "),
    ('<w:tbl><w:tblPr><w:tblStyle w:val="emskit-0"/></w:tblPr></w:tbl>', "=1+1", "-"),
]


@pytest.mark.parametrize("headers", [("a", "b", "c"), None])
def test_table_xml_is_what_lxml_writes_back(headers: tuple[str, ...] | None) -> None:
    from docx.oxml import parse_xml
    from lxml import etree

    xml = table_xml(headers, HOSTILE, 9000, 9, frozenset({0}))
    assert etree.tostring(parse_xml(xml), encoding="unicode") == xml


def test_spliced_tables_read_back_cell_for_cell(tmp_path: Path) -> None:
    import docx

    doc = Document("t", "Tables").add(
        Heading("one"),
        Table(("id", "text", "more"), tuple(HOSTILE)),
        Fields((("label", "value"),)),
        Table(tuple(f"h{i}" for i in range(9)), (tuple(str(i) for i in range(9)),)),
    )
    style = Style(tmp_path, "en", dt.date(2026, 11, 22), "footer", None)
    word = docx.Document(io.BytesIO(write_document(doc, "docx", style)))
    cells = [[c.text for c in row.cells] for row in word.tables[0].rows]
    assert cells[0] == ["id", "text", "more"]
    assert cells[1] == ["ASP-001", "a & b <c> \"q\" 's' ]]> >", ""]
    assert cells[2] == ["x\n\ny\nz", "\t tab", " lead 中文\U0001f600 "]
    assert cells[4][0].startswith("<w:tbl>")  # text that looks like the placeholder stays text
    assert [c.text for c in word.tables[1].rows[0].cells] == ["label", "value"]
    assert len(word.tables) == 3 and len(word.tables[2].columns) == 9


def test_pdf_ascii_fast_paths_agree_with_the_general_ones() -> None:
    """The PDF writer breaks ASCII text with a regex and looks for Chinese with one scan;
    both must answer what the character-by-character code answers."""
    import random

    from emskit.documents.writers.pdf_table import _any_tokens, _tokens, has_cjk_text, is_cjk

    rng = random.Random(14001)
    alphabet = " ab\t-.\x0b\x1c\x1f\r\x0c"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert _tokens(text) == _any_tokens(text), repr(text)
    for text in ("", "plain", "a\u2e7fb", "a\u2e80b", "排放", "x\U0001f600"):
        assert has_cjk_text(text) == any(is_cjk(c) for c in text), text


@pytest.fixture(scope="module")
def sample_documents():  # type: ignore[no-untyped-def]
    from conftest import AS_OF, SAMPLE

    from emskit.commands.pack import build_documents
    from emskit.documents.context import PackContext
    from emskit.repo.loader import load_repository

    repo = load_repository(SAMPLE)
    assert repo.config is not None
    ctx = PackContext(repo, AS_OF)
    documents = build_documents(ctx, repo.config.ems.jurisdiction)[:6]
    return documents, Style(SAMPLE, "en", AS_OF, "footer", "DRAFT")


def test_pdfs_from_a_forked_process_are_the_same_files(sample_documents) -> None:  # type: ignore[no-untyped-def]
    from emskit.documents.writers import write_documents

    documents, style = sample_documents
    alone = write_documents(documents, ("pdf", "md"), style, jobs=1)
    shared = write_documents(documents, ("pdf", "md"), style, jobs=2)
    assert list(shared) == list(alone) and shared == alone


def test_a_failure_in_the_forked_writer_is_raised(sample_documents, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from emskit.documents import writers
    from emskit.errors import EmskitError

    def broken(doc: Document, style: Style) -> bytes:
        raise EmskitError("the PDF writer failed")

    monkeypatch.setitem(writers.WRITERS, "pdf", writers.Writer(each=broken))
    documents, style = sample_documents
    with pytest.raises(EmskitError, match="the PDF writer failed"):
        writers.write_documents(documents, ("pdf", "md"), style, jobs=2)
