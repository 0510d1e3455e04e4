"""A gap assessment: every assessed clause of an edition, met / partial / missing, with its
reasons and the records (file, line) that evidence it. Nothing here prints or reads the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from emskit.analysis import Analysis
from emskit.clauses.catalogue import Clause, catalogue
from emskit.clauses.evidence import (
    MET,
    MISSING,
    NOT_APPLICABLE,
    PARTIAL,
    RULES,
    Assessment,
    clause_4_4,
)
from emskit.repo.as_of import NOTHING_LEFT_OUT, LeftOut

STATUSES = (MET, PARTIAL, MISSING, NOT_APPLICABLE)


@dataclass(frozen=True)
class Evidence:
    file: str
    line: int
    id: str


@dataclass(frozen=True)
class ClauseResult:
    clause: Clause
    status: str
    reasons: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass
class GapResult:
    root: Path
    as_of: dt.date
    edition: str
    repository_edition: str
    clauses: list[ClauseResult]
    # Records dated after a past as-of date, left out as not yet existing (repo/as_of.py).
    left_out: LeftOut = NOTHING_LEFT_OUT

    @property
    def summary(self) -> dict[str, int]:
        return {status: sum(1 for c in self.clauses if c.status == status) for status in STATUSES}

    @property
    def readiness(self) -> float:
        """Percentage of applicable clauses met, partial ones counting half."""
        applicable = [c for c in self.clauses if c.status != NOT_APPLICABLE]
        if not applicable:
            return 100.0
        score = sum(
            1.0 if c.status == MET else 0.5 if c.status == PARTIAL else 0.0 for c in applicable
        )
        return round(100 * score / len(applicable), 1)

    @property
    def transition(self) -> bool:
        return self.edition != self.repository_edition


def judge(ctx: Analysis) -> list[tuple[Clause, Assessment]]:
    """Every assessed clause of ctx.edition with its assessment, evidence not yet located
    (locating thousands of records is most of the cost when only the statuses are wanted)."""
    assessments: dict[str, Assessment] = {}
    for clause in catalogue(ctx.edition).assessed:
        rule = RULES.get(clause.number)
        if rule is not None:
            assessments[clause.number] = rule(ctx)
    assessments["4.4"] = clause_4_4(ctx, assessments)
    return [(clause, assessments[clause.number]) for clause in catalogue(ctx.edition).assessed]


def assess(ctx: Analysis) -> list[ClauseResult]:
    """Every assessed clause of ctx.edition, with its evidence located."""
    repo = ctx.repo
    results = []
    for clause, assessment in judge(ctx):
        evidence = tuple(
            sorted(
                {
                    Evidence(r.file, repo.position(r.file, r.loc)[0] if r.loc else 1, r.id)
                    for r in assessment.evidence
                },
                key=lambda e: (e.file, e.line, e.id),
            )
        )
        results.append(ClauseResult(clause, assessment.status, tuple(assessment.reasons), evidence))
    return results
