"""emskit ready: is the organisation ready to apply for (or keep) certification?"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

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


def ready(
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
) -> None:
    """Judge certification readiness: each rule pass, fail or warn with its reason.

    Exit 0 when ready, 1 when not, 2 when the command could not run.
    """
    run_command(lambda: _ready(repo, as_of, format))


def _ready(repo: Path | None, as_of: str | None, format: Format) -> int:
    from emskit.commands.ready import run_ready
    from emskit.report import ready_report

    result = run_ready(repository_root(repo), as_of_date(as_of), today=today())
    say_left_out(result.left_out, result.as_of)
    (ready_report.render_json if format is Format.json else ready_report.render_text)(
        result, sys.stdout
    )
    return 0 if result.ready else 1
