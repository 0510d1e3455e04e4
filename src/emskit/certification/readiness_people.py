"""The readiness rules of people and planning: the internal audit cycle, the management review
that follows it, objectives on track, competence evidenced.

Each asks its question of judgements/ (the same functions gap and check ask) and only says
the answer, naming the records it rests on.
"""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.calendar.periods import add
from emskit.certification.readiness_compliance import _judged
from emskit.certification.verdict import Verdict
from emskit.clauses.catalogue import catalogue
from emskit.judgements.audits import Cycle, audit_cycle, audit_shortfalls, cycle_names
from emskit.judgements.competence import competence_shortfalls, people_to_evidence
from emskit.judgements.objectives import active_objectives, objective_shortfalls
from emskit.judgements.reviews import review_shortfalls
from emskit.model.evaluation import Review
from emskit.vocabulary import FAIL
from emskit.words import Joined, say

CYCLE_WINDOW = "P12M"  # a complete cycle ended within the 12 months before the as-of date


def readiness_cycle(ctx: Analysis) -> Cycle:
    """The latest internal audits that together cover every clause of the edition, in the 12
    months before the as-of date."""
    needed = [c.number for c in catalogue(ctx.edition).assessed]
    return audit_cycle(ctx, needed, add(ctx.as_of, CYCLE_WINDOW, -1))


def _no_cycle(cycle: Cycle, ctx: Analysis) -> Joined:
    parts = [say("ready.no-audit")]
    if cycle.audits:
        parts.append(
            say(
                "audits.uncovered",
                audits=cycle_names(cycle),
                clauses=", ".join(cycle.uncovered),
                since=add(ctx.as_of, CYCLE_WINDOW, -1),
            )
        )
    return Joined(parts)


def internal_audit(ctx: Analysis) -> Verdict:
    clauses = ("9.2",)
    cycle = readiness_cycle(ctx)
    if not cycle.complete:
        ids = [a.id for a in cycle.audits]
        return Verdict("internal-audit", FAIL, _no_cycle(cycle, ctx), clauses, ids)
    passed = say("ready.audit-covered", audit=cycle_names(cycle), end=cycle.last_day)
    return _judged(
        "internal-audit",
        audit_shortfalls(ctx, cycle.audits),
        passed,
        clauses,
        [a.id for a in cycle.audits],
    )


def management_review(ctx: Analysis) -> Verdict:
    clauses = ("9.3",)
    cycle = readiness_cycle(ctx)
    last_day = cycle.last_day
    if not cycle.complete or last_day is None:
        return Verdict("management-review", FAIL, say("ready.no-audit-for-review"), clauses)
    last = cycle.audits[-1].id
    after = sorted(
        (r for r in ctx.records("review", Review) if last_day <= r.model.date <= ctx.as_of),
        key=lambda r: (r.model.date, r.id),
    )
    if not after:
        return Verdict(
            "management-review",
            FAIL,
            say("ready.no-review", end=last_day, audit=last),
            clauses,
            [last],
        )
    review = after[-1]
    shortfalls = review_shortfalls(ctx, review)
    passed = say("ready.review-covers", review=review.id, date=review.model.date)
    return _judged("management-review", shortfalls, passed, clauses, [review.id, last])


def objectives_on_track(ctx: Analysis) -> Verdict:
    clauses = ("6.2",)
    active = active_objectives(ctx)
    if not active:
        return Verdict("objectives-on-track", FAIL, say("ready.no-active-objective"), clauses)
    return _judged(
        "objectives-on-track",
        objective_shortfalls(ctx),
        say("ready.objectives-on-track", count=len(active)),
        clauses,
        [o.id for o in active],
    )


def competence_evidenced(ctx: Analysis) -> Verdict:
    clauses = ("7.2",)
    pairs = people_to_evidence(ctx)
    if not pairs:
        # Required: an EMS with no competence requirement for anyone has not determined them.
        return Verdict("competence-evidenced", FAIL, say("competence.none-required"), clauses)
    people = sorted({p.id for p, _ in pairs})
    return _judged(
        "competence-evidenced",
        competence_shortfalls(ctx),
        say("competence.evidenced", people=len(people), count=len(pairs)),
        clauses,
        people,
    )


__all__ = [
    "competence_evidenced",
    "internal_audit",
    "management_review",
    "objectives_on_track",
]
