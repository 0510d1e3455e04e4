"""emskit docs: the master list of controlled documents, one document's history, rendering."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from emskit.cli.errors import run_command
from emskit.cli.options import AsOfOption, RepoOption, as_of_date, output_path, repository_root

app = typer.Typer(
    help="Controlled documents: the master list, their history, rendering.",
    invoke_without_command=True,
    no_args_is_help=False,
)


class Format(str, Enum):
    pdf = "pdf"
    docx = "docx"
    html = "html"
    md = "md"


def _context(root: Path, day):  # type: ignore[no-untyped-def]
    """The documents' context; what limits their git history goes to stderr."""
    from emskit.docs import docs_context

    ctx, warnings = docs_context(root, day)
    for warning in warnings:
        print(f"emskit docs: warning: {warning}", file=sys.stderr)
    return ctx


@app.callback()
def docs(ctx: typer.Context, repo: RepoOption = None, as_of: AsOfOption = None) -> None:
    """The master list of controlled documents: revision, last change and author from git,
    approval from the front matter, review due."""
    ctx.obj = (repo, as_of)
    if ctx.invoked_subcommand is None:
        run_command(lambda: _list(repo, as_of))


def _list(repo, as_of) -> int:  # type: ignore[no-untyped-def]
    from emskit.documents.registers import master_list
    from emskit.report.table import render_table

    ctx = _context(repository_root(repo), as_of_date(as_of))
    table = master_list(ctx).tables[0]
    render_table(
        sys.stdout,
        table.headers[:-1],
        [row[:-1] for row in table.rows],
        title=ctx.labels("master-list"),
    )
    return 0


@app.command("history")
def history(ctx: typer.Context, doc_id: Annotated[str, typer.Argument(metavar="DOC-ID")]) -> None:
    """Every commit that changed the document, newest first."""
    repo, as_of = ctx.obj
    run_command(lambda: _history(repo, as_of, doc_id))


def _history(repo, as_of, doc_id) -> int:  # type: ignore[no-untyped-def]
    from emskit.docs import find_document
    from emskit.docs import history as file_history
    from emskit.report.table import render_table

    root = repository_root(repo)
    ctx = _context(root, as_of_date(as_of))
    record = find_document(ctx, doc_id)
    commits = file_history(root, record, ctx.commit)
    rows = [
        [str(len(commits) - i), date, author, commit[:10], subject]
        for i, (commit, date, author, subject) in enumerate(commits)
    ]
    render_table(
        sys.stdout,
        ["revision", "date", "author", "commit", "change"],
        rows,
        title=f"{record.id} {ctx.text(record.model.title)} ({record.file})",
    )
    if not commits:
        print(
            "emskit docs: no commit has this file yet (or this is not a git repository)",
            file=sys.stderr,
        )
    return 0


@app.command("render")
def render(
    ctx: typer.Context,
    doc_id: Annotated[str, typer.Argument(metavar="DOC-ID")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.pdf,
    out: Annotated[
        str | None,
        typer.Option("--out", help="File, pipe or device to write (default: DOC-ID.FORMAT)."),
    ] = None,
) -> None:
    """Render one controlled document to PDF, Word, HTML or Markdown."""
    repo, as_of = ctx.obj
    run_command(lambda: _render(repo, as_of, doc_id, format, out))


def _render(repo, as_of, doc_id, format, out) -> int:  # type: ignore[no-untyped-def]
    import tempfile
    from dataclasses import replace

    from emskit.documents import libraries

    needs = {Format.pdf: libraries.PDF, Format.docx: libraries.WORD}.get(format, {})
    libraries.require(f"emskit docs render --format {format.value}", needs)
    from emskit import __version__
    from emskit.atomic import check_writable, write_bytes
    from emskit.docs import find_document, rendered
    from emskit.documents import formats

    root = repository_root(repo)
    day = as_of_date(as_of)
    target = output_path(out) if out is not None else None
    if target is not None:
        check_writable(target)  # before the work, not after
    ctx = _context(root, day)
    document = rendered(ctx, find_document(ctx, doc_id))
    footer = ctx.labels(
        "generated", version=__version__, commit=(ctx.commit or "none")[:12], as_of=day.isoformat()
    )
    style = formats.Style(root, ctx.labels.language, day, footer, None)
    writer = {
        "pdf": formats.to_pdf,
        "docx": formats.to_docx,
        "html": formats.to_html,
        "md": formats.to_markdown,
    }
    with tempfile.TemporaryDirectory(prefix="emskit-fonts-") as fonts:
        if format is Format.pdf:
            style = replace(style, pdf_fonts=formats.subset_fonts([document], Path(fonts), footer))
        data = writer[format.value](document, style)
    target = target or Path(f"{document.name}.{format.value}")
    try:
        write_bytes(target, data)
    except OSError as error:
        from emskit.errors import UsageError

        raise UsageError(f"--out {target}: cannot write there ({error.strerror})") from None
    print(f"emskit docs: wrote {target}", file=sys.stderr)
    return 0
