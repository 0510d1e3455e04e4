"""emskit import KIND FILE: turn an existing register into records of the repository."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from emskit.cli.errors import run_command
from emskit.cli.options import RepoOption, repository_root


class Kind(str, Enum):
    aspects = "aspects"
    obligations = "obligations"
    readings = "readings"
    objectives = "objectives"
    nonconformities = "nonconformities"
    training = "training"


class DateFormat(str, Enum):
    DMY = "DMY"
    MDY = "MDY"


def import_(
    kind: Annotated[Kind, typer.Argument(help="What the file holds.")],
    file: Annotated[Path, typer.Argument(help="xlsx, csv, tsv, Markdown, JSON or YAML file.")],
    repo: RepoOption = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="The xlsx sheet to read.")] = None,
    map_file: Annotated[
        Path | None, typer.Option("--map", help="A column mapping (from --save-map) to use.")
    ] = None,
    save_map: Annotated[
        Path | None, typer.Option("--save-map", help="Save the column mapping used here.")
    ] = None,
    date_format: Annotated[
        DateFormat | None,
        typer.Option("--date-format", help="How to read d/m/yyyy dates that could be either."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The date of readings in a table with no date column (an annual table).",
        ),
    ] = None,
    method: Annotated[
        bool,
        typer.Option(
            "--method",
            help="Write the significance method the register states "
            "into emskit.yaml and compare verdicts with it.",
        ),
    ] = False,
    frequency: Annotated[
        str,
        typer.Option("--evaluation-frequency", help="For obligations whose file gives none."),
    ] = "annual",
    guideline: Annotated[
        str | None,
        typer.Option(
            "--guideline",
            metavar="LABEL",
            help="The guideline row whose limits apply, when a table has several.",
        ),
    ] = None,
    update: Annotated[
        bool, typer.Option("--update", help="Merge into existing records by id, keeping comments.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be written; write nothing.")
    ] = False,
) -> None:
    """Convert a register into YAML records; print the column mapping and what needs a person.

    Exit 0 when every row converted, 1 when some rows could not be (each listed as
    FILE:row:column), 2 when the command could not run.
    """

    def body() -> int:
        from emskit.commands.import_records import Options, run_import, write_import
        from emskit.errors import UsageError
        from emskit.report.import_text import import_lines, problem_lines

        try:
            as_date = dt.date.fromisoformat(date) if date else None
        except ValueError:
            raise UsageError(f"--date {date!r} is not a date (YYYY-MM-DD)") from None
        options = Options(
            sheet,
            map_file,
            date_format.value if date_format else None,
            as_date,
            method,
            update,
            frequency,
            guideline,
        )
        root = repository_root(repo)
        result = run_import(root, kind.value, file, options)
        write_import(root, result, save_map, dry_run)
        print("\n".join(import_lines(result, dry_run)))
        for line in problem_lines(result):
            print(line, file=sys.stderr)
        return 1 if result.problems else 0

    run_command(body)
