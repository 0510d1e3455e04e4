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


def _warn(warning: str) -> None:
    """What limits the documents' git history goes to stderr."""
    print(f"emskit docs: warning: {warning}", file=sys.stderr)


@app.callback()
def docs(ctx: typer.Context, repo: RepoOption = None, as_of: AsOfOption = None) -> None:
    """The master list of controlled documents: approved revision, approval, last change and
    who made it, changed after approval, from git and the front matter; review due."""
    ctx.obj = (repo, as_of)
    if ctx.invoked_subcommand is None:
        run_command(lambda: _list(repo, as_of))


def _list(repo: Path | None, as_of: str | None) -> int:
    from emskit.commands.docs import run_docs_list
    from emskit.report.table import render_table

    listed = run_docs_list(repository_root(repo), as_of_date(as_of), warn=_warn)
    render_table(
        sys.stdout, list(listed.headers), [list(r) for r in listed.rows], title=listed.title
    )
    return 0


@app.command("history")
def history(ctx: typer.Context, doc_id: Annotated[str, typer.Argument(metavar="DOC-ID")]) -> None:
    """Every commit that changed the document, newest first."""
    repo: Path | None
    as_of: str | None
    repo, as_of = ctx.obj  # what the docs group was given: --repo, --as-of
    run_command(lambda: _history(repo, as_of, doc_id))


def _history(repo: Path | None, as_of: str | None, doc_id: str) -> int:
    from emskit.commands.docs import run_docs_history
    from emskit.report.table import render_table

    log = run_docs_history(repository_root(repo), as_of_date(as_of), doc_id, warn=_warn)
    rows = [
        [str(len(log.commits) - i), date, author, commit[:10], subject]
        for i, (commit, date, author, subject) in enumerate(log.commits)
    ]
    # "#" counts commits; a revision counts approvals (the master list's), so it is not one.
    render_table(sys.stdout, ["#", "date", "author", "commit", "change"], rows, title=log.title)
    if not log.commits:
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
    repo: Path | None
    as_of: str | None
    repo, as_of = ctx.obj  # what the docs group was given: --repo, --as-of
    run_command(lambda: _render(repo, as_of, doc_id, format, out))


def _render(
    repo: Path | None, as_of: str | None, doc_id: str, format: Format, out: str | None
) -> int:
    from emskit.commands.docs import render_document
    from emskit.documents import libraries

    needs = {Format.pdf: libraries.PDF, Format.docx: libraries.WORD}.get(format, {})
    libraries.require(f"emskit docs render --format {format.value}", needs)
    root, day = repository_root(repo), as_of_date(as_of)
    target = output_path(out) if out is not None else None
    target = render_document(root, day, doc_id, format.value, target, warn=_warn)
    print(f"emskit docs: wrote {target}", file=sys.stderr)
    return 0
