"""An estimate of certification audit time: IAF MD 5's EMS table (held as data beside this
module) and IAF MD 1's multi-site sample sizes.

Surveillance is a third and recertification two thirds of the initial time (the ratios MD 5
uses); adjustments for complexity factors are capped at a 30 % reduction; figures are rounded
to the nearest half day. Beyond the table's last band the progression of its last two bands
is continued. This is an estimate to plan and budget with; the certification body decides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from emskit.errors import UsageError
from emskit.model.config import Organization
from emskit.vocabulary import COMPLEXITIES

MAX_REDUCTION = 30


@dataclass(frozen=True)
class AuditTime:
    personnel: int
    complexity: str
    band: str
    table_days: float
    reduction: int
    initial: float  # stage 1 + stage 2
    surveillance: float
    recertification: float
    sites: int
    sampled_initial: int
    sampled_surveillance: int
    sampled_recertification: int
    source: str


@cache
def _table() -> tuple[str, list[list[float]]]:
    from emskit.repo.yaml_reader import parse_yaml

    data = parse_yaml(
        (Path(__file__).parent / "data" / "iaf-md5-ems.yaml").read_text(encoding="utf-8")
    )
    return data["source"], data["rows"]


def _half_days(days: float) -> float:
    return math.floor(days * 2 + 0.5) / 2


def initial_days(personnel: int, complexity: str) -> tuple[float, str]:
    source_rows = _table()[1]
    column = 2 + COMPLEXITIES.index(complexity)
    for row in source_rows:
        if row[0] <= personnel <= row[1]:
            return float(row[column]), f"{int(row[0])}-{int(row[1])}"
    last, before = source_rows[-1], source_rows[-2]
    step = last[column] - before[column]
    width = last[1] - before[1]
    extra = math.ceil((personnel - last[1]) / width)
    return float(last[column] + extra * step), f">{int(last[1])} (progression continued)"


def sample_sizes(sites: int) -> tuple[int, int, int]:
    """IAF MD 1: sqrt(n) at the initial audit, 0.6 sqrt(n) at surveillance, 0.8 sqrt(n) at
    recertification, rounded up (the central function is audited every time besides)."""
    if sites <= 1:
        return (sites, sites, sites)
    root = math.sqrt(sites)
    return (math.ceil(root), math.ceil(0.6 * root), math.ceil(0.8 * root))


def personnel_of(organization: Organization) -> int:
    """The effective personnel of an organisation: its employees, or the sum over its sites."""
    return organization.employees or sum(s.employees or 0 for s in organization.sites)


def estimate(personnel: int, complexity: str, sites: int = 1, reduction: int = 0) -> AuditTime:
    if personnel < 1:
        raise UsageError(
            "effective personnel must be at least 1: set organization.employees or pass --personnel"
        )
    if complexity not in COMPLEXITIES:
        raise UsageError(f"--complexity {complexity!r}: use one of {', '.join(COMPLEXITIES)}")
    if not 0 <= reduction <= MAX_REDUCTION:
        raise UsageError(f"--reduction {reduction}: IAF MD 5 allows at most {MAX_REDUCTION} %")
    table_days, band = initial_days(personnel, complexity)
    initial = _half_days(table_days * (100 - reduction) / 100)
    sampled = sample_sizes(sites)
    return AuditTime(
        personnel,
        complexity,
        band,
        table_days,
        reduction,
        initial,
        _half_days(initial / 3),
        _half_days(initial * 2 / 3),
        sites,
        *sampled,
        _table()[0],
    )
