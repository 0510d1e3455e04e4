"""emskit docs: the controlled documents with their git history; one document rendered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from emskit.documents.content import Document, Fields
from emskit.documents.context import PackContext
from emskit.errors import UsageError
from emskit.repo.document_history import UNKNOWN, read_document_histories
from emskit.repo.loader import load_repository, split_front_matter
from emskit.repo.repository import Record


def docs_context(root: Path, as_of: dt.date) -> tuple[PackContext, list[str]]:
    """The documents with their git history, and warnings on how far that history can be
    trusted (git is optional here: without it, or refused, there is no history)."""
    from emskit import git

    repo = load_repository(root, {"documents", "roles"})
    warnings: list[str] = []
    try:
        checkout = git.state(root)
    except git.GitError as refused:
        checkout = git.Checkout(None, False, False)
        warnings.append(f"{refused}; documents are listed without their history")
    if checkout.shallow:
        warnings.append(git.SHALLOW_WARNING)
    if checkout.commit is None and not warnings:
        warnings.append(
            "not in a git repository (or no commit yet, or no git): revisions, last changes and "
            "changes after approval are left empty; commit the repository to have them"
        )
    documents = [r for r in repo.records if r.kind == "document"]
    histories = (
        read_document_histories(root, documents, checkout.commit) if checkout.commit else UNKNOWN
    )
    return PackContext(repo, as_of, checkout.commit, histories), warnings


def find_document(ctx: PackContext, doc_id: str) -> Record:
    for record in ctx.records("document"):
        if record.id.casefold() == doc_id.casefold():
            return record
    known = ", ".join(r.id for r in ctx.records("document")[:10])
    raise UsageError(f"no controlled document {doc_id!r}; documents include {known}")


def history(ctx: PackContext, root: Path, record: Record) -> list[tuple[str, str, str, str]]:
    """The document's commits, newest first: (commit, date, author, subject), the author as
    the person of the repository whose git address it is, else git's name."""
    from emskit import git
    from emskit.documents.master_list import changed_by

    if ctx.commit is None:
        return []
    return [
        (
            c.commit,
            c.date,
            changed_by(ctx, c.author, c.email),
            c.subject,
        )
        for c in git.file_changes(root, [record.file], ctx.commit)
    ]


def rendered(ctx: PackContext, record: Record) -> Document:
    """The document under its document control (number, approved revision, prepared and
    approved by, status: the title block, header and footer), its type and clauses, then its
    Markdown body."""
    from emskit.documents.control import control_of
    from emskit.documents.markdown import markdown_blocks

    model, L = record.model, ctx.labels
    text = (Path(ctx.repo.root) / record.file).read_text(encoding="utf-8-sig")
    parts = split_front_matter(text)
    body = parts[1] if parts else text
    fields = [(L("type"), L.term(model.type)), (L("clauses"), ", ".join(model.clauses))]
    doc = Document(record.id, ctx.text(model.title)).add(
        Fields(tuple((k, v) for k, v in fields if v))
    )
    doc.control = control_of(ctx, doc, draft=False)
    return doc.add(*markdown_blocks(body))


def render_document(
    root: Path,
    as_of: dt.date,
    doc_id: str,
    fmt: str,
    out: Path | None = None,
    warn: Callable[[str], None] = lambda _: None,
) -> Path:
    """Write one controlled document in one format; returns the file written (default
    DOC-ID.FORMAT in the current folder). What limits the git history goes to ``warn``."""
    from emskit import __version__
    from emskit.atomic import check_writable, write_bytes
    from emskit.documents.writers import Style, write_document
    from emskit.documents.writers.widths import paper_for

    if out is not None:
        check_writable(out)  # before the work, not after
    ctx = _context(root, as_of, warn)
    document = rendered(ctx, find_document(ctx, doc_id))
    footer = ctx.labels(
        "generated",
        version=__version__,
        commit=(ctx.commit or "none")[:12],
        as_of=as_of.isoformat(),
    )
    config = ctx.repo.config
    paper = paper_for(config.ems.jurisdiction if config else None)
    style = Style(root, ctx.labels.language, as_of, footer, None, paper=paper)
    data = write_document(document, fmt, style)
    target = out or Path(f"{document.name}.{fmt}")
    try:
        write_bytes(target, data)
    except OSError as error:
        raise UsageError(f"--out {target}: cannot write there ({error.strerror})") from None
    return target


@dataclass(frozen=True)
class MasterList:
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]


def run_docs_list(
    root: Path, as_of: dt.date, warn: Callable[[str], None] = lambda _: None
) -> MasterList:
    """The master list of controlled documents, as the pack's register shows it but for its
    last column (the file), which the terminal has no room for."""
    from emskit.documents.master_list import master_list

    ctx = _context(root, as_of, warn)
    table = master_list(ctx).tables[0]
    rows = [row[:-1] for row in table.rows]
    return MasterList(ctx.labels("master-list"), tuple(table.headers[:-1]), rows)


@dataclass(frozen=True)
class DocumentLog:
    title: str  # "DOC-ID Title (file)"
    commits: list[tuple[str, str, str, str]]  # (commit, date, author, subject), newest first


def run_docs_history(
    root: Path, as_of: dt.date, doc_id: str, warn: Callable[[str], None] = lambda _: None
) -> DocumentLog:
    ctx = _context(root, as_of, warn)
    record = find_document(ctx, doc_id)
    commits = history(ctx, root, record)
    return DocumentLog(f"{record.id} {ctx.text(record.model.title)} ({record.file})", commits)


def _context(root: Path, as_of: dt.date, warn: Callable[[str], None]) -> PackContext:
    ctx, warnings = docs_context(root, as_of)
    for warning in warnings:
        warn(warning)
    return ctx
