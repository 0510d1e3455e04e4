"""emskit portfolio: many EMS repositories at once, in parallel, one row each."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from emskit.cli.errors import run_command
from emskit.cli.options import AsOfOption, as_of_date


class Format(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


def portfolio(
    folders: Annotated[
        list[Path],
        typer.Argument(
            metavar="DIR...",
            help="Folders to search for EMS repositories (folders holding emskit.yaml).",
            show_default=False,
        ),
    ],
    as_of: AsOfOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help="Worker processes (default: the number of cores).",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="DIR",
            help="Also write a static HTML dashboard into DIR (index.html, with each "
            "repository's gap and readiness pages).",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Check every repository from scratch: neither use nor keep cached check results.",
        ),
    ] = False,
) -> None:
    """Summarise every EMS repository below the folders: check, readiness, gap, due dates,
    certificate and last commit, worst first.

    A repository that cannot be read is a row with its error and the run goes on. Exit 0
    when every repository was read, 1 when any could not be, 2 when the command could not
    run.
    """
    run_command(lambda: _portfolio(folders, as_of, format, jobs, out, no_cache))


def _portfolio(
    folders: list[Path],
    as_of: str | None,
    format: Format,
    jobs: int | None,
    out: Path | None,
    no_cache: bool,
) -> int:
    from emskit.commands.portfolio import run_portfolio, write_dashboard
    from emskit.report import portfolio_report
    from emskit.signed_cache import default_dir

    cache = None if no_cache else default_dir(dict(os.environ))
    result = run_portfolio(folders, as_of_date(as_of), jobs, out is not None, cache)
    if out is not None:
        written = write_dashboard(result, out)
        print(f"emskit portfolio: wrote {len(written)} files to {out}", file=sys.stderr)
    render = {
        Format.text: portfolio_report.render_text,
        Format.json: portfolio_report.render_json,
        Format.csv: portfolio_report.render_csv,
    }[format]
    render(result, sys.stdout)
    return 1 if result.failed else 0
