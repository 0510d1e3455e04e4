"""emskit diff: what changed in the EMS between two git revisions, in its own terms."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from emskit.cli.errors import run_command
from emskit.cli.options import AsOfOption, RepoOption, as_of_date, repository_root


class Format(str, Enum):
    text = "text"
    json = "json"
    md = "md"


def diff(
    base: Annotated[
        str,
        typer.Argument(metavar="BASE", help="The older revision (a commit, branch or tag)."),
    ] = "HEAD",
    head: Annotated[
        str | None,
        typer.Argument(
            metavar="[HEAD]",
            help="The newer revision (default: the work tree, uncommitted edits included).",
            show_default=False,
        ),
    ] = None,
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
) -> None:
    """Show what changed in the EMS between BASE and HEAD: records by kind and id, significance
    verdicts and why, obligations, clause gap status, readiness verdicts and new findings.

    Both revisions are read from git without touching the work tree. --format md is written
    for a pull-request comment. Exit 0 when it ran, 2 when it could not (not git, unknown
    revision).
    """
    run_command(lambda: _diff(base, head, repo, as_of, format))


def _diff(base: str, head: str | None, repo: RepoOption, as_of: str | None, format: Format) -> int:
    from emskit.commands.diff import run_diff

    result = run_diff(repository_root(repo), as_of_date(as_of), base, head)
    if format is Format.md:
        from emskit.report.diff_markdown import render_markdown

        render_markdown(result, sys.stdout)
    else:
        from emskit.report import diff_report

        (diff_report.render_json if format is Format.json else diff_report.render_text)(
            result, sys.stdout
        )
    return 0
