"""emskit audit-time: an estimate of certification auditor-days (IAF MD 5, IAF MD 1)."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from emskit.cli.errors import run_command
from emskit.cli.options import RepoOption, repository_root


class Complexity(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"
    limited = "limited"


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


def _audit_time(repo, complexity, personnel, reduction, format) -> int:  # type: ignore[no-untyped-def]
    from dataclasses import asdict

    from emskit.calendar.audit_time import estimate
    from emskit.repo.loader import load_repository
    from emskit.report.json_out import write_json

    loaded = load_repository(repository_root(repo), parts=())
    organization = loaded.config.organization if loaded.config else None
    sites = len(organization.sites) if organization else 1
    if personnel is None and organization is not None:
        personnel = organization.employees or sum(s.employees or 0 for s in organization.sites)
    result = estimate(personnel or 0, complexity.value, max(sites, 1), reduction)
    if format is Format.json:
        write_json({"estimate": True, **asdict(result)}, sys.stdout)
        return 0
    sys.stdout.write(
        f"Audit time ESTIMATE for {result.personnel} effective personnel, {result.complexity} complexity "
        f"(band {result.band}: {result.table_days:g} days"
        + (f", reduced {result.reduction} %" if result.reduction else "")
        + ")\n"
        f"  initial certification (stage 1 + stage 2): {result.initial:g} auditor-days\n"
        f"  each surveillance audit:                   {result.surveillance:g} auditor-days\n"
        f"  recertification:                           {result.recertification:g} auditor-days\n"
        f"  sites: {result.sites}; sampled at initial {result.sampled_initial}, surveillance "
        f"{result.sampled_surveillance}, recertification {result.sampled_recertification} "
        "(IAF MD 1; plus the central function)\n"
        f"Source: {result.source}. An estimate for planning; the certification body decides.\n"
    )
    return 0
