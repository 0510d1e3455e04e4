"""emskit gap: the clause-by-clause gap report, or the transition report with --edition."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from emskit import vocabulary
from emskit.cli.choices import choices
from emskit.cli.errors import run_command
from emskit.cli.options import (
    AsOfOption,
    RepoOption,
    as_of_date,
    repository_root,
    say_left_out,
    today,
)


class Format(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


if TYPE_CHECKING:  # mypy sees an Enum; typer gets one member per edition
    Edition = Enum
else:
    Edition = choices("Edition", vocabulary.Edition)


class Numbering(str, Enum):
    n2004 = "2004"


def gap(
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    edition: Annotated[
        Edition | None,
        typer.Option(
            "--edition",
            help="Assess against this edition "
            "(default: the repository's; 2026 on an older repository is the transition report).",
        ),
    ] = None,
    numbering: Annotated[
        Numbering | None,
        typer.Option("--numbering", help="Show the 2004 clause beside each line."),
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
) -> None:
    """Report each clause met, partial or missing, with the reasons and the evidence files.

    Exit 0 when every clause is met, 1 when any is partial or missing, 2 when the command
    could not run.
    """
    run_command(lambda: _gap(repo, as_of, edition, numbering, format))


def _gap(
    repo: Path | None,
    as_of: str | None,
    edition: Edition | None,
    numbering: Numbering | None,
    format: Format,
) -> int:
    from emskit.commands.gap import run_gap
    from emskit.report import gap_report

    result = run_gap(
        repository_root(repo),
        as_of_date(as_of),
        edition.value if edition else None,
        today=today(),
    )
    say_left_out(result.left_out, result.as_of)
    render = {
        Format.text: gap_report.render_text,
        Format.json: gap_report.render_json,
        Format.md: gap_report.render_markdown,
        Format.html: gap_report.render_html,
    }[format]
    render(result, sys.stdout, numbering.value if numbering else None)
    return 0 if all(c.status in ("met", "not-applicable") for c in result.clauses) else 1
