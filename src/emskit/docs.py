"""emskit docs: the controlled documents with their git history; one document rendered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from emskit.documents.content import Document, Fields
from emskit.documents.context import PackContext
from emskit.errors import UsageError
from emskit.repo.loader import load_repository, split_front_matter
from emskit.repo.repository import Record


def docs_context(root: Path, as_of: dt.date) -> tuple[PackContext, list[str]]:
    """The documents with their git history, and warnings on how far that history can be
    trusted (git is optional here: without it, or refused, there is no history)."""
    from emskit import git
    from emskit.pack import _histories

    repo = load_repository(root, {"documents", "roles"})
    warnings: list[str] = []
    try:
        checkout = git.state(root)
    except git.GitError as refused:
        checkout = git.Checkout(None, False, False)
        warnings.append(f"{refused}; documents are listed without their history")
    if checkout.shallow:
        warnings.append(git.SHALLOW_WARNING)
    return PackContext(
        repo, as_of, checkout.commit, _histories(root, repo, checkout.commit)
    ), warnings


def find_document(ctx: PackContext, doc_id: str) -> Record:
    for record in ctx.records("document"):
        if record.id.casefold() == doc_id.casefold():
            return record
    known = ", ".join(r.id for r in ctx.records("document")[:10])
    raise UsageError(f"no controlled document {doc_id!r}; documents include {known}")


def history(root: Path, record: Record, commit: str | None) -> list[tuple[str, str, str, str]]:
    from emskit import git

    return git.file_histories(root, [record.file], commit).get(record.file, []) if commit else []


def rendered(ctx: PackContext, record: Record) -> Document:
    """The document's front matter as fields, then its Markdown body."""
    from emskit.documents.markdown import markdown_blocks

    model, L = record.model, ctx.labels
    text = (Path(ctx.repo.root) / record.file).read_text(encoding="utf-8-sig")
    parts = split_front_matter(text)
    body = parts[1] if parts else text
    info = ctx.history.get(record.file)
    fields = [
        (L("id"), record.id),
        (L("type"), model.type),
        (L("revision"), str(info.revision) if info else ""),
        (L("approved-by"), ctx.name_of(model.approved_by)),
        (L("approved-on"), model.approved_on.isoformat() if model.approved_on else ""),
        (L("status"), model.status),
    ]
    doc = Document(record.id, ctx.text(model.title)).add(
        Fields(tuple((k, v) for k, v in fields if v))
    )
    return doc.add(*markdown_blocks(body))
