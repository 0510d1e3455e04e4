"""emskit check: validate the whole repository."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from emskit.cli.errors import run_command
from emskit.cli.options import AsOfOption, RepoOption, as_of_date, repository_root, today

if TYPE_CHECKING:  # the checking modules load when the command runs: --help stays fast
    from emskit.check_result import CheckResult
    from emskit.finding import Severity


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def check(
    repo: RepoOption = None,
    as_of: AsOfOption = None,
    format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: github inside GitHub Actions, else text).",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at this level or above.")
    ] = FailOn.error,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="CODE",
            help="Report only these rules (code, code prefix such as EMS1, or name). Repeatable.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="CODE", help="Do not report these rules. Repeatable."),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Check from scratch: neither use nor keep the cached result "
            "(kept in $EMSKIT_CACHE_DIR, $XDG_CACHE_HOME/emskit or ~/.cache/emskit).",
        ),
    ] = False,
) -> None:
    """Validate everything: YAML, schema, ids and references, evidence, dates and clause rules.

    Findings are printed as file:line:column with the ISO 14001 clauses they bear on.
    Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 when the command
    could not run.
    """
    run_command(lambda: _check(repo, as_of, format, fail_on, select or [], ignore or [], no_cache))


def _check(
    repo: Path | None,
    as_of: str | None,
    format: Format | None,
    fail_on: FailOn,
    select: list[str],
    ignore: list[str],
    no_cache: bool,
) -> int:
    from emskit.commands.check import run_check
    from emskit.finding import Severity
    from emskit.signed_cache import default_dir

    day = as_of_date(as_of)
    root = repository_root(repo)
    cache = None if no_cache else default_dir(dict(os.environ))
    result = run_check(root, day, tuple(select), tuple(ignore), cache, today=today())
    level = Severity.parse(fail_on.value)
    chosen = (
        format.value
        if format
        else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    )
    _report(result, chosen, level)
    return 1 if result.failed(level) else 0


def _report(result: CheckResult, chosen: str, level: Severity) -> None:
    out = sys.stdout
    if chosen == "json":
        from emskit.report import check_json

        check_json.render(result, out, level)
    elif chosen == "sarif":
        from emskit.report import check_sarif

        check_sarif.render(result, out)
    elif chosen == "junit":
        from emskit.report import check_junit

        check_junit.render(result, out, level)
    elif chosen == "github":
        from emskit.report import check_github

        check_github.render(result, out)
    else:
        from emskit.report import check_text

        check_text.render(result, out)
