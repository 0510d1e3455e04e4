"""Evidence for section 9 of the standard: performance evaluation."""

from __future__ import annotations

from operator import attrgetter

from emskit.analysis import Analysis
from emskit.calendar.periods import add, add_years
from emskit.clauses.evidence.common import (
    MISSING,
    Assessment,
    id_list,
    judge,
)
from emskit.judgements.compliance import evaluation_shortfalls, not_reevaluated_results
from emskit.judgements.monitoring import monitoring_shortfalls
from emskit.model.evaluation import Audit, Equipment, Evaluation, Indicator, PlannedAudit, Review
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


AUDIT_CYCLE_YEARS = 3


def clause_9_2(ctx: Analysis) -> Assessment:
    from emskit.clauses.catalogue import catalogue, clause_covered

    programme = ctx.singleton("programme")
    plans = ctx.records("audit-plan", PlannedAudit)
    start = add_years(ctx.as_of, -AUDIT_CYCLE_YEARS)
    audits = [
        a
        for a in ctx.records("audit", Audit)
        if a.model.type == "internal" and start <= a.model.date <= ctx.as_of
    ]
    problems = [] if plans else ["no audit programme (audits/programme.yaml)"]
    if not audits:
        problems.append(f"no internal audit completed in the last {AUDIT_CYCLE_YEARS} years")
    else:
        covered: set[str] = set()
        for audit in audits:
            clauses = audit.model.clauses
            covered |= (
                {c.number for c in catalogue(ctx.edition).assessed}
                if clauses == "all"
                else set(clauses)
            )
        needed = [c.number for c in catalogue(ctx.edition).assessed]
        uncovered = [n for n in needed if not clause_covered(n, covered)]
        if uncovered:
            problems.append(
                f"clauses no internal audit covered in the cycle: {', '.join(uncovered)}"
            )
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
        ([programme] if programme else []) + audits,
        "no audit programme and no internal audits",
    )


REVIEW_INPUTS = (
    "previous_actions",
    "changes",
    "objectives",
    "performance",
    "resources",
    "communications",
    "opportunities",
)


PERFORMANCE_PARTS = ("nonconformities", "monitoring", "compliance", "audits")


def required_review_inputs(edition: str) -> tuple[str, ...]:
    """The inputs a management review must consider under the edition."""
    return REVIEW_INPUTS + (("risks",) if edition == "2026" else ())


def missing_review_inputs(review: Record, edition: str) -> list[str]:
    """The inputs the edition requires that the review does not record ('performance' may be
    given as its four parts)."""
    inputs = set(review.model.inputs)
    if "performance" not in inputs and set(PERFORMANCE_PARTS) <= inputs:
        inputs.add("performance")
    return [name for name in required_review_inputs(edition) if name not in inputs]


def clause_9_3(ctx: Analysis) -> Assessment:
    reviews = sorted(
        (r for r in ctx.records("review", Review) if r.model.date <= ctx.as_of),
        key=lambda r: r.model.date,
    )
    if not reviews:
        return Assessment(MISSING, ["no management review record"])
    latest = reviews[-1]
    problems = [
        f"{latest.id} does not cover the input '{name}'"
        for name in missing_review_inputs(latest, ctx.edition)
    ]
    if latest.model.outputs is None or not latest.model.outputs.conclusions:
        problems.append(
            f"{latest.id} records no conclusion on the suitability, adequacy and effectiveness of the EMS"
        )
    if add(latest.model.date, "P12M") < ctx.as_of:
        problems.append(f"the last review ({latest.model.date}) is more than 12 months old")
    return judge(problems, reviews)
