"""emskit due: the EMS calendar: overdue, due within a window, later."""

from __future__ import annotations

import io
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from emskit.cli.errors import run_command
from emskit.cli.options import AsOfOption, RepoOption, as_of_date, repository_root, today


class Format(str, Enum):
    text = "text"
    json = "json"
    ics = "ics"


def due(
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    within: Annotated[
        str,
        typer.Option(
            "--within",
            metavar="PERIOD",
            help="The window for 'due' (ISO 8601 period or annual, quarterly...).",
        ),
    ] = "P30D",
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="Only this kind (repeatable): "
            "compliance-evaluation, document-review, calibration, drill, stage-1, surveillance, "
            "contractor-licence, msds-revision, waste-storage, implementation-step...",
        ),
    ] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", metavar="ID", help="Only items of this owner.")
    ] = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format; ics is a calendar file.")
    ] = Format.text,
) -> None:
    """List what falls due: evaluations, permits, reviews, calibrations, drills, audits, actions,
    waste contractors' licences, MSDS, waste storage, licences, the implementation steps and the
    certification cycle.

    Exit 1 when anything is overdue (so CI can nag), 0 otherwise, 2 when the command could
    not run.
    """
    run_command(lambda: _due(repo, as_of, within, kind or [], owner, format))


def _due(
    repo: Path | None,
    as_of: str | None,
    within: str,
    kinds: list[str],
    owner: str | None,
    format: Format,
) -> int:
    from emskit.commands.due import run_due
    from emskit.report import due_report

    result = run_due(
        repository_root(repo), as_of_date(as_of), within, tuple(kinds), owner, today=today()
    )
    if format is Format.ics:
        if isinstance(sys.stdout, io.TextIOWrapper):  # CRLF as RFC 5545 wants, untranslated
            sys.stdout.reconfigure(newline="")
        due_report.render_ics(result, sys.stdout)
    elif format is Format.json:
        due_report.render_json(result, sys.stdout)
    else:
        due_report.render_text(result, sys.stdout)
    return 1 if result.overdue else 0
