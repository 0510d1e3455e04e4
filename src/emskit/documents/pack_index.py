"""The cover index of the pack: every document in the order of the pack, with its number,
title, revision and the files it is written to, and the attachments copied beside them."""

from __future__ import annotations

from collections.abc import Sequence

from emskit.documents.content import Document, Heading, Paragraph, Table
from emskit.documents.context import PackContext
from emskit.documents.numbers import generated_number
from emskit.documents.writers import files_of

NAME = "00-index"
NONE = "—"


def pack_index(
    ctx: PackContext,
    documents: Sequence[Document],
    formats: tuple[str, ...],
    attachments: Sequence[str] = (),
) -> Document:
    """The index; ``documents`` in pack order (the index itself is left out of them and
    listed first), ``attachments`` the repository paths copied under attachments/."""
    L = ctx.labels
    doc = Document(NAME, L("pack-index"))
    listed = [doc, *documents]
    rows = tuple(
        (
            str(position),
            _number(d),
            d.title,
            d.control.revision or NONE if d.control is not None else NONE,
            L.list_separator.join(files_of(d, formats)),
        )
        for position, d in enumerate(listed, start=1)
    )
    doc.add(
        Paragraph(L("pack-index-intro", count=len(listed), as_of=ctx.as_of.isoformat())),
        Table((L("index-position"), L("doc.number"), L("title"), L("revision"), L("files")), rows),
    )
    if attachments:
        doc.add(
            Heading(L("attachments"), 3),
            Paragraph(L("attachments-intro", count=len(attachments))),
            Table((L("files"),), tuple((f"attachments/{path}",) for path in attachments)),
        )
    return doc


def _number(document: Document) -> str:
    if document.control is not None and document.control.number:
        return document.control.number
    return generated_number(document.name)
