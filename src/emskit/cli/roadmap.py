"""emskit roadmap: the implementation project step by step, with the current step."""

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
    html = "html"


def roadmap(
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="Output format; html has a Gantt chart.")
    ] = Format.text,
) -> None:
    """Show the implementation project's nineteen steps: planned and done dates from
    implementation.yaml, what the records show for each, the current step and what blocks
    the next.

    Exit 1 when the records contradict a step declared done, 0 otherwise, 2 when the command
    could not run.
    """
    run_command(lambda: _roadmap(repo, as_of, format))


def _roadmap(repo: RepoOption, as_of: AsOfOption, format: Format) -> int:
    from emskit.commands.roadmap import run_roadmap
    from emskit.report import roadmap_report

    result = run_roadmap(repository_root(repo), as_of_date(as_of))
    render = {
        Format.text: roadmap_report.render_text,
        Format.json: roadmap_report.render_json,
        Format.html: roadmap_report.render_html,
    }[format]
    render(result, sys.stdout)
    return 1 if result.contradicted else 0
