"""emskit score: compute, explain, record and compare the significance of aspects."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from emskit import vocabulary
from emskit.cli.choices import choices
from emskit.cli.errors import run_command
from emskit.cli.options import AsOfOption, RepoOption, as_of_date, repository_root


class Format(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


if TYPE_CHECKING:  # mypy sees an Enum; typer gets one member per literal value
    Condition = Enum
    Verdict = Enum
else:
    Condition = choices("Condition", vocabulary.Condition)
    Verdict = choices("Verdict", vocabulary.Verdict)


def score(
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    site: Annotated[
        str | None, typer.Option("--site", metavar="SITE-ID", help="Only aspects of this site.")
    ] = None,
    department: Annotated[
        str | None,
        typer.Option(
            "--department", metavar="NAME", help="Only aspects of this department (any language)."
        ),
    ] = None,
    condition: Annotated[
        Condition | None, typer.Option("--condition", help="Only aspects in this condition.")
    ] = None,
    verdict: Annotated[
        Verdict | None, typer.Option("--verdict", help="Only aspects with this verdict.")
    ] = None,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain", metavar="ASP-ID", help="Show the arithmetic for one aspect, step by step."
        ),
    ] = None,
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            help="Record computed verdicts as 'significant:' in "
            "the aspect files, keeping comments and layout.",
        ),
    ] = False,
    diff: Annotated[
        str | None,
        typer.Option(
            "--diff",
            metavar="REF",
            help="List aspects whose verdict "
            "changed since a git ref, and whether the data or the method changed.",
        ),
    ] = None,
) -> None:
    """Compute the significance of every aspect with the method in emskit.yaml.

    The table is sorted by score, highest first. Exit 0 when every aspect could be scored
    and agrees with its declaration (or documents why not), 1 otherwise, 2 when the
    command could not run (no method, unknown aspect, bad ref).
    """
    run_command(
        lambda: _score(
            repo, as_of, format, site, department, condition, verdict, explain, write, diff
        )
    )


def _score(
    repo: Path | None,
    as_of: str | None,
    format: Format,
    site: str | None,
    department: str | None,
    condition: Condition | None,
    verdict: Verdict | None,
    explain: str | None,
    write: bool,
    diff: str | None,
) -> int:
    from emskit.errors import UsageError

    if sum(x not in (None, False) for x in (explain, write, diff)) > 1:
        raise UsageError("--explain, --write and --diff are separate jobs: use one at a time")
    day = as_of_date(as_of)
    root = repository_root(repo)
    if write:
        return _write(root, day)
    if diff is not None:  # an empty --diff is refused, not ignored
        return _diff(root, diff, day, format)
    from emskit.commands.score import find_outcome, run_score
    from emskit.scoring.results import Filters

    filters = Filters(
        site, department, condition.value if condition else None, verdict.value if verdict else None
    )
    result = run_score(root, day, filters)
    if not result.usable and format is not Format.json:
        # Nothing was scored: the method's findings are the whole answer (a table would be empty).
        from emskit.report.score_text import render_unusable

        render_unusable(result, sys.stderr if format is Format.csv else sys.stdout)
        return 1
    if explain:
        from emskit.report.score_text import render_explain

        render_explain(result, find_outcome(result, explain), sys.stdout)
        return 0
    if format is Format.json:
        from emskit.report.score_json import render

        render(result, sys.stdout, result.lines())
    elif format is Format.csv:
        from emskit.report.score_json import render_csv

        render_csv(result, sys.stdout, result.lines())
    else:
        from emskit.report.score_text import render as render_text

        render_text(result, sys.stdout)
    return 1 if result.failed else 0


def _write(root: Path, day: dt.date) -> int:
    from emskit.commands.score import write_verdicts
    from emskit.report.score_text import render_write

    result = write_verdicts(root, day)
    render_write(result, sys.stdout)
    return 1 if result.blocked_by else 0


def _diff(root: Path, ref: str, day: dt.date, format: Format) -> int:
    from emskit.commands.score import diff_verdicts

    result = diff_verdicts(root, ref, day)
    if format is Format.json:
        from emskit.report.score_json import render_diff

        render_diff(result, day.isoformat(), sys.stdout)
    else:
        from emskit.report.score_text import render_diff as render_diff_text

        render_diff_text(result, sys.stdout)
    return 0
