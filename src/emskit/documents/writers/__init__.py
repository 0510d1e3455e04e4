"""The one registry of document writers, used by emskit pack and emskit docs render.

Each writer turns a content.Document (or, for the Excel workbook, all of them) into bytes.
Everything that could vary between runs is pinned: dates come from the as-of date, zip
entries get a fixed timestamp and order, PNGs and PDFs carry no wall-clock time.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from emskit.documents.content import Document
from emskit.documents.writers import docx, html, markdown, pdf, xlsx
from emskit.documents.writers.control import control_text
from emskit.documents.writers.fonts import subset_fonts
from emskit.documents.writers.forked import fork_writer
from emskit.documents.writers.style import Style

OneDocument = Callable[[Document, Style], bytes]
AllDocuments = Callable[[list[Document], Style], bytes]


@dataclass(frozen=True)
class Writer:
    # Exactly one of the two: a file per document, or one file for all documents.
    each: OneDocument | None = None
    bundle: AllDocuments | None = None
    bundle_name: str = ""


# In the order --formats lists them.
WRITERS: dict[str, Writer] = {
    "pdf": Writer(each=pdf.to_pdf),
    "docx": Writer(each=docx.to_docx),
    "xlsx": Writer(bundle=xlsx.to_xlsx, bundle_name="registers"),
    "html": Writer(each=html.to_html),
    "md": Writer(each=markdown.to_markdown),
}
FORMATS = tuple(WRITERS)


def write_documents(
    documents: list[Document],
    formats: tuple[str, ...],
    style: Style,
    note: Callable[[str], None] = lambda _: None,
    jobs: int = 1,
) -> dict[str, bytes]:
    """Every document in every format: ``{"pdf/NAME.pdf": bytes, "xlsx/registers.xlsx": ...}``.
    The PDF fonts are subset once for all documents (see fonts.subset_fonts). With ``jobs``
    over 1 (and fork, on Linux), the PDFs are written in a second process while this one
    writes the other formats: the same bytes, in about half the time on two cores."""
    with tempfile.TemporaryDirectory(prefix="emskit-fonts-") as fonts:
        if "pdf" in formats:
            extra = "".join(control_text(doc, style).all_text() for doc in documents)
            style = replace(style, pdf_fonts=subset_fonts(documents, Path(fonts), extra))
        order = _names(documents, formats)
        apart = ("pdf",) if jobs > 1 and "pdf" in formats and len(formats) > 1 else ()
        child = fork_writer(lambda: _write(documents, apart, style), Path(fonts)) if apart else None
        try:
            files = _write(documents, tuple(f for f in formats if f not in apart), style, note)
        except BaseException:
            if child is not None:
                child.stop()
            raise
        if apart:
            written = child.result() if child is not None else None
            files.update(written if written is not None else _write(documents, apart, style))
    return {name: files[name] for name in order}


def files_of(document: Document, formats: tuple[str, ...]) -> list[str]:
    """The pack's files ``document`` is written to: its own in each format, and the workbook
    when one of its tables is a register sheet."""
    out = [f"{f}/{document.name}.{f}" for f in formats if WRITERS[f].each]
    if any(table.sheet is not None for table in document.tables):
        out += [f"{f}/{WRITERS[f].bundle_name}.{f}" for f in formats if WRITERS[f].bundle]
    return out


def _names(documents: list[Document], formats: tuple[str, ...]) -> list[str]:
    """The files in the order one process writes them."""
    names = [f"{f}/{d.name}.{f}" for d in documents for f in formats if WRITERS[f].each]
    return names + [f"{f}/{WRITERS[f].bundle_name}.{f}" for f in formats if WRITERS[f].bundle]


def _write(
    documents: list[Document],
    formats: tuple[str, ...],
    style: Style,
    note: Callable[[str], None] = lambda _: None,
) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for doc in documents:
        note(doc.name)
        for fmt in formats:
            each = WRITERS[fmt].each
            if each is not None:
                files[f"{fmt}/{doc.name}.{fmt}"] = each(doc, style)
    for fmt in formats:
        writer = WRITERS[fmt]
        if writer.bundle is not None:
            files[f"{fmt}/{writer.bundle_name}.{fmt}"] = writer.bundle(documents, style)
    return files


def write_document(document: Document, fmt: str, style: Style) -> bytes:
    """One document in one per-document format (emskit docs render)."""
    return write_documents([document], (fmt,), style)[f"{fmt}/{document.name}.{fmt}"]


__all__ = ["FORMATS", "WRITERS", "Style", "Writer", "files_of", "write_document", "write_documents"]
