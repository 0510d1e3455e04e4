"""Evidence for section 9 of the standard: performance evaluation."""

from __future__ import annotations

import datetime as dt
import re
from operator import attrgetter

from emskit.analysis import Analysis
from emskit.calendar.periods import add, add_years
from emskit.clauses.evidence.common import (
    MISSING,
    Assessment,
    id_list,
    judge,
)
from emskit.judgements.audits import audit_cycle, audit_shortfalls
from emskit.judgements.compliance import evaluation_shortfalls, not_reevaluated_results
from emskit.judgements.monitoring import monitoring_shortfalls
from emskit.judgements.reviews import review_shortfalls
from emskit.model.evaluation import (
    Equipment,
    Evaluation,
    Indicator,
    PlannedAudit,
    Programme,
    Review,
)
from emskit.repo.repository import Record
from emskit.words import say


def clause_9_1_1(ctx: Analysis) -> Assessment:
    indicators = ctx.records("indicator", Indicator)
    measured = set(map(attrgetter("indicator"), ctx.repo.readings))  # at C speed: 100,000
    unmeasured = [i for i in indicators if i.id not in measured]
    problems: list[str] = (
        [say("monitoring.unmeasured", ids=id_list(unmeasured))] if unmeasured else []
    )
    problems += [s.reason for s in monitoring_shortfalls(ctx)]
    return judge(
        problems,
        indicators + ctx.records("equipment", Equipment),
        "no indicators (monitoring/indicators.yaml)",
    )


def clause_9_1_2(ctx: Analysis) -> Assessment:
    evaluations = [e for e in ctx.records("evaluation", Evaluation) if e.model.date <= ctx.as_of]
    problems = [
        s.reason
        for s in (*evaluation_shortfalls(ctx), *(u.shortfall for u in not_reevaluated_results(ctx)))
    ]
    return judge(problems, evaluations, "no compliance evaluation records")


AUDIT_CYCLE_YEARS = 3  # the longest programme cycle: a certificate's three years
_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[-–/]\s*\d{4})?\s*$")


def programme_start(ctx: Analysis, programme: Record[Programme] | None) -> dt.date:
    """Where the programme's cycle starts: 1 January of the first year of its ``period``
    (``2025-2027``, ``2026``), never more than three years back; three years back when the
    period says no year."""
    longest = add_years(ctx.as_of, -AUDIT_CYCLE_YEARS)
    period = str(programme.model.period or "") if programme else ""
    found = _PERIOD.match(period)
    if not found:
        return longest
    start = dt.date(int(found[1]), 1, 1)
    return max(start, longest) if start <= ctx.as_of else longest


def clause_9_2(ctx: Analysis) -> Assessment:
    from emskit.clauses.catalogue import catalogue

    programme = ctx.singleton("programme", Programme)
    plans = ctx.records("audit-plan", PlannedAudit)
    needed = [c.number for c in catalogue(ctx.edition).assessed]
    # The audits of the programme's cycle together cover every clause (one audit or several).
    cycle = audit_cycle(ctx, needed, programme_start(ctx, programme))
    problems: list[str] = [] if plans else ["no audit programme (audits/programme.yaml)"]
    if not cycle.audits:
        problems.append(f"no internal audit completed in the last {AUDIT_CYCLE_YEARS} years")
    elif cycle.uncovered:
        problems.append(
            f"clauses no internal audit covered in the cycle: {', '.join(cycle.uncovered)}"
        )
    problems += [s.reason for s in audit_shortfalls(ctx, cycle.audits)]
    if ctx.edition == "2026":
        vague = [
            p for p in plans if not (p.model.objectives and p.model.criteria and p.model.scope)
        ]
        if vague:
            problems.append(
                f"planned audits without their own objectives, criteria and scope (9.2.2 in 2026): {id_list(vague)}"
            )
    return judge(
        problems,
        ([programme] if programme else []) + list(cycle.audits),
        "no audit programme and no internal audits",
    )


def clause_9_3(ctx: Analysis) -> Assessment:
    reviews = sorted(
        (r for r in ctx.records("review", Review) if r.model.date <= ctx.as_of),
        key=lambda r: r.model.date,
    )
    if not reviews:
        return Assessment(MISSING, ["no management review record"])
    latest = reviews[-1]
    problems: list[str] = [s.reason for s in review_shortfalls(ctx, latest)]
    if add(latest.model.date, "P12M") < ctx.as_of:
        problems.append(f"the last review ({latest.model.date}) is more than 12 months old")
    return judge(problems, reviews)
