"""emskit status: one ranked list of what to do next."""

from __future__ import annotations

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


def status(
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    within: Annotated[
        str, typer.Option("--within", help="Also list what falls due within this period.")
    ] = "P30D",
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
) -> None:
    """What to do next: check's errors, readiness rules failing, overdue items, clauses not
    met and what falls due within 30 days, ranked, each with the file or command to act on.

    Exit 0 when nothing fails and nothing is overdue, 1 otherwise, 2 when it could not run.
    """
    run_command(lambda: _status(repo, as_of, within, format))


def _status(repo: Path | None, as_of: str | None, within: str, format: Format) -> int:
    from emskit.commands.status import run_status
    from emskit.report import status_report

    result = run_status(repository_root(repo), as_of_date(as_of), within, today=today())
    (status_report.render_json if format is Format.json else status_report.render_text)(
        result, sys.stdout
    )
    return 1 if result.failing else 0
