"""emskit audit-time: an estimate of certification auditor-days (IAF MD 5, IAF MD 1)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from emskit import vocabulary
from emskit.cli.choices import choices
from emskit.cli.errors import run_command
from emskit.cli.options import RepoOption, repository_root

if TYPE_CHECKING:  # mypy sees an Enum; typer gets one member per complexity
    Complexity = Enum
else:
    Complexity = choices("Complexity", vocabulary.Complexity)


class Format(str, Enum):
    text = "text"
    json = "json"


def audit_time(
    complexity: Annotated[
        Complexity,
        typer.Option(
            "--complexity",
            help="EMS complexity category of the organisation's activities (IAF MD 5).",
        ),
    ],
    repo: RepoOption = None,
    personnel: Annotated[
        int | None,
        typer.Option(
            "--personnel",
            help="Effective number of personnel "
            "(default: organization.employees, else the sum of the sites').",
        ),
    ] = None,
    reduction: Annotated[
        int,
        typer.Option(
            "--reduction", help="Reduction in percent for justified factors (at most 30)."
        ),
    ] = 0,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
) -> None:
    """Estimate stage 1 + stage 2, surveillance and recertification auditor-days.

    An estimate for planning from the IAF MD 5 EMS table and IAF MD 1 site sampling; the
    certification body sets the actual time.
    """
    run_command(lambda: _audit_time(repo, complexity, personnel, reduction, format))


def _audit_time(
    repo: Path | None, complexity: Complexity, personnel: int | None, reduction: int, format: Format
) -> int:
    from emskit.commands.audit_time import run_audit_time
    from emskit.report import audit_time_report

    result = run_audit_time(repository_root(repo), complexity.value, personnel, reduction)
    render = (
        audit_time_report.render_json if format is Format.json else audit_time_report.render_text
    )
    render(result, sys.stdout)
    return 0
