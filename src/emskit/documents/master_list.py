"""The master list of controlled documents (7.5.3): each with its approved revision and
approval, its last content change and who made it, and whether it was changed after its
approval, from the documents' git history (read once, repo/document_history.py)."""

from __future__ import annotations

from emskit.documents.content import Document, Paragraph, Table
from emskit.documents.context import PackContext
from emskit.documents.control import person_and_role, signatory
from emskit.judgements.document_changes import author_of, changed_after_approval


def master_list(ctx: PackContext) -> Document:
    """The controlled documents with their approved revision, approval, last content change
    and who made it, and whether it was changed after its approval (7.5.2, 7.5.3); without
    git the history columns stay empty and a note says why."""
    L = ctx.labels
    review_due = {
        i.id: i.due.isoformat() for i in ctx.analysis.due_items if i.kind == "document-review"
    }
    after = {d.id for d, _ in changed_after_approval(ctx.analysis)}
    known = ctx.history.known
    rows = []
    for record in ctx.records("document"):
        model, history = record.model, ctx.history.get(record.file)
        change = history.changed if history else None
        rows.append(
            (
                record.id,
                ctx.text(model.title),
                L.term(model.type),
                str(history.revision) if history and history.revision else "",
                model.approved_on.isoformat() if model.approved_on else "",
                signatory(ctx, model.approved_by),
                change.date.isoformat() if change else "",
                changed_by(ctx, change.author, change.email) if change else "",
                L.yes_no(record.id in after) if known else "",
                review_due.get(record.id, ""),
                L.term(model.status),
                record.file,
            )
        )
    headers = (
        L("id"),
        L("title"),
        L("type"),
        L("revision"),
        L("approved-on"),
        L("approved-by"),
        L("changed"),
        L("author"),
        L("changed-after-approval"),
        L("review-due"),
        L("status"),
        L("files"),
    )
    doc = Document("master-list", L("master-list")).add(
        Table(headers, tuple(rows), sheet="Documents")
    )
    if not known:
        doc.add(Paragraph(L("doc.history-unknown")))
    return doc


def changed_by(ctx: PackContext, author: str, email: str) -> str:
    """A commit's author as the person of the repository whose git address it is, with their
    role; else the name git recorded."""
    person = author_of(ctx.analysis, email)
    return person_and_role(ctx, person) if person else author
