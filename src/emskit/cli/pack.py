"""emskit pack: build the certification application pack."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from emskit.cli.errors import run_command
from emskit.cli.options import AsOfOption, RepoOption, as_of_date, output_path, repository_root

if TYPE_CHECKING:  # the pack's modules load only when a pack is built: --help stays fast
    from emskit.commands.pack import Progress


def pack(
    out: Annotated[
        str,
        typer.Option("--out", help="A folder, or a .zip file (a pipe or a device gets the zip)."),
    ],
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    formats: Annotated[
        str, typer.Option("--formats", help="Comma-separated: pdf,docx,xlsx,html,md.")
    ] = "pdf,docx,xlsx,html,md",
    ref: Annotated[
        str | None,
        typer.Option(
            "--ref",
            metavar="REV",
            help="Build from this commit's content without touching the work tree.",
        ),
    ] = None,
    draft: Annotated[
        bool, typer.Option("--draft", help="Build although not ready; every page says DRAFT.")
    ] = False,
    allow_dirty: Annotated[
        bool,
        typer.Option(
            "--allow-dirty",
            help="Build from a work tree with uncommitted changes (the manifest says so).",
        ),
    ] = False,
    no_attachments: Annotated[
        bool,
        typer.Option(
            "--no-attachments",
            help="Leave out the evidence files the records and application materials name "
            "(copied under attachments/ otherwise).",
        ),
    ] = False,
) -> None:
    """Build the documents and registers a certification body asks for, with MANIFEST.json.

    The pack opens with its index; an environmental manual is generated when the repository
    controls none of its own; the evidence files the records name are copied under
    attachments/.

    Exit 0 when built, 1 when the repository is not ready (the readiness report is printed;
    --draft builds anyway), 2 when the command could not run.
    """
    run_command(
        lambda: _pack(repo, as_of, out, formats, ref, draft, allow_dirty, not no_attachments)
    )


def _pack(
    repo: Path | None,
    as_of: str | None,
    out: str,
    formats: str,
    ref: str | None,
    draft: bool,
    allow_dirty: bool,
    with_attachments: bool,
) -> int:
    from emskit.documents import libraries

    libraries.require("emskit pack", libraries.PACK)
    from emskit.commands.pack import build_pack, parse_formats

    chosen = parse_formats(formats)
    target = output_path(out)
    if target.suffix == ".zip":
        from emskit.atomic import check_writable

        check_writable(target)  # before minutes of building, not after
    progress, stop = _progress()
    try:
        result = build_pack(
            repository_root(repo),
            target,
            as_of_date(as_of),
            chosen,
            ref,
            draft,
            allow_dirty,
            progress,
            with_attachments,
        )
    finally:
        stop()
    if not result.ready and not draft:
        from emskit.certification.ready_result import ReadyResult
        from emskit.report.ready_report import render_text

        render_text(ReadyResult(as_of_date(as_of), result.readiness), sys.stdout)
        print(
            "emskit pack: not ready, nothing built; fix the failing rules or pass --draft",
            file=sys.stderr,
        )
        return 1
    if result.shallow:
        from emskit.git import SHALLOW_WARNING

        print(f"emskit pack: warning: {SHALLOW_WARNING}", file=sys.stderr)
    clean = "clean" if result.clean else "NOT clean"
    commit = result.commit[:12] if result.commit else "no commit"
    print(
        f"emskit pack: {len(result.files)} files in {target} ({commit}, work tree {clean}"
        f"{', DRAFT' if draft else ''})",
        file=sys.stderr,
    )
    return 0


def _progress() -> tuple[Progress, Callable[[], None]]:
    """A spinner with the current document on a terminal; silence on a pipe or in CI."""
    if not sys.stderr.isatty():
        return (lambda _: None), (lambda: None)
    from rich.console import Console
    from rich.status import Status
    from rich.text import Text

    from emskit.escaping import terminal_text

    status = Status("building the pack", console=Console(stderr=True))
    status.start()
    # Text, never markup: the current document's title is the repository's data.
    return (
        lambda what: status.update(Text(f"building the pack: {terminal_text(str(what))}"))
    ), status.stop
