"""Certification readiness: the rules of the domain notes' table, each pass / fail / warn with
its reason, the records it looked at and the clauses it bears on.

Everything depends on the as-of date: a repository is not ready before its internal audit
and ready after its management review. A rule with nothing to look at fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from emskit.analysis import Analysis, audit_last_day
from emskit.calendar.periods import add
from emskit.certification.readiness_compliance import (
    application_materials,
    chemicals_msds,
    compliance_evaluation,
    hazardous_waste,
    significant_aspects_controlled,
)
from emskit.certification.readiness_incidents import (
    exceedances_handled,
    no_failed_inspection,
    no_pollution_incident,
    open_nonconformities,
)
from emskit.certification.verdict import Verdict
from emskit.clauses.evidence import missing_review_inputs
from emskit.listing import listing
from emskit.model.evaluation import Audit
from emskit.repo.repository import Record
from emskit.vocabulary import FAIL, PASS, WARN
from emskit.words import Joined, say


def _records(ctx: Analysis, kind: str) -> list[Record]:
    return ctx.records(kind)


def _ids(records: list[Record]) -> list[str]:
    return sorted(r.id for r in records)


def operating_period(ctx: Analysis) -> Verdict:
    clauses = ("4.4",)
    start = ctx.repo.config.ems.operating_since if ctx.repo.config else None
    if start is None:
        return Verdict(
            "operating-period",
            FAIL,
            say("ready.operating-not-set"),
            clauses,
        )
    ready_on = add(start, "P3M")
    if ready_on > ctx.as_of:
        return Verdict(
            "operating-period",
            FAIL,
            say("ready.operating-too-short", start=start, ready_on=ready_on),
            clauses,
        )
    return Verdict(
        "operating-period", PASS, say("ready.operating", start=start, ready_on=ready_on), clauses
    )


def _audit_end(audit: Record[Audit]) -> dt.date:
    return audit_last_day(audit.model)


def _complete_audit(ctx: Analysis) -> Record[Audit] | None:
    from emskit.clauses.catalogue import catalogue, clause_covered

    start = ctx.repo.config.ems.operating_since if ctx.repo.config else None
    needed = {c.number for c in catalogue(ctx.edition).assessed}
    done = []
    for audit in ctx.records("audit", Audit):
        model = audit.model
        if (
            model.type != "internal"
            or _audit_end(audit) > ctx.as_of
            or (start and model.date < start)
        ):
            continue
        if all(clause_covered(n, model.clauses) for n in needed):
            done.append(audit)
    return max(done, key=_audit_end, default=None)


def internal_audit(ctx: Analysis) -> Verdict:
    clauses = ("9.2",)
    audit = _complete_audit(ctx)
    if audit is None:
        return Verdict(
            "internal-audit",
            FAIL,
            say("ready.no-audit"),
            clauses,
        )
    unraised = [
        f.id for f in audit.model.findings if f.type == "nonconformity" and not f.nonconformity
    ]
    if unraised:
        return Verdict(
            "internal-audit",
            FAIL,
            say("ready.audit-unraised", audit=audit.id, ids=listing(unraised)),
            clauses,
            [audit.id],
        )
    return Verdict(
        "internal-audit",
        PASS,
        say("ready.audit-covered", audit=audit.id, end=_audit_end(audit)),
        clauses,
        [audit.id],
    )


def management_review(ctx: Analysis) -> Verdict:
    clauses = ("9.3",)
    audit = _complete_audit(ctx)
    if audit is None:
        return Verdict(
            "management-review",
            FAIL,
            say("ready.no-audit-for-review"),
            clauses,
        )
    after = sorted(
        (r for r in _records(ctx, "review") if _audit_end(audit) <= r.model.date <= ctx.as_of),
        key=lambda r: r.model.date,
    )
    if not after:
        return Verdict(
            "management-review",
            FAIL,
            say("ready.no-review", end=_audit_end(audit), audit=audit.id),
            clauses,
            [audit.id],
        )
    review = after[-1]
    missing = missing_review_inputs(review, ctx.edition)
    if missing:
        return Verdict(
            "management-review",
            FAIL,
            say(
                "ready.review-missing",
                review=review.id,
                inputs=Joined((say(f"term.{name}") for name in missing), ", "),
            ),
            clauses,
            [review.id],
        )
    return Verdict(
        "management-review",
        PASS,
        say("ready.review-covers", review=review.id, date=review.model.date),
        clauses,
        [review.id, audit.id],
    )


# What the documented-information list needs: (what, clause, present?)
def mandatory_documents(ctx: Analysis) -> Verdict:
    repo = ctx.repo
    scope = repo.config.ems.scope if repo.config else None
    checks: list[tuple[str, str, bool]] = [
        ("scope", "4.3", bool(scope) and "TODO" not in str(scope)),
        ("policy", "5.2", repo.singleton("policy") is not None),
        ("risks", "6.1.1", bool(_records(ctx, "risk"))),
        ("aspects", "6.1.2", bool(_records(ctx, "aspect"))),
        ("significance", "6.1.2", bool(repo.config and repo.config.significance)),
        ("obligations", "6.1.3", bool(_records(ctx, "obligation"))),
        ("objectives", "6.2", bool(_records(ctx, "objective"))),
        ("competence", "7.2", bool(_records(ctx, "training"))),
        ("communication", "7.4", bool(_records(ctx, "communication"))),
        ("controls", "8.1", bool(_records(ctx, "control"))),
        ("emergency", "8.2", bool(_records(ctx, "scenario"))),
        ("monitoring", "9.1.1", bool(repo.readings)),
        ("compliance-results", "9.1.2", bool(_records(ctx, "evaluation"))),
        ("audit-programme", "9.2", bool(_records(ctx, "audit-plan"))),
        ("audit-results", "9.2", bool(_records(ctx, "audit"))),
        ("review-results", "9.3", bool(_records(ctx, "review"))),
    ]
    missing = [
        say("ready.item", what=say(f"ready.item.{what}"), clause=clause)
        for what, clause, present in checks
        if not present
    ]
    clauses = tuple(dict.fromkeys(clause for _, clause, _ in checks))
    if missing:
        return Verdict(
            "mandatory-documents", FAIL, say("ready.missing", items=Joined(missing, ", ")), clauses
        )
    return Verdict(
        "mandatory-documents",
        PASS,
        say("ready.items-present", count=len(checks)),
        clauses,
    )


def objectives_on_track(ctx: Analysis) -> Verdict:
    clauses = ("6.2",)
    active = [o for o in _records(ctx, "objective") if o.model.status == "active"]
    if not active:
        return Verdict("objectives-on-track", FAIL, say("ready.no-active-objective"), clauses)
    measured = {r.indicator for r in ctx.repo.readings if r.date <= ctx.as_of}
    problems, late = [], []
    for objective in active:
        model = objective.model
        gaps = [
            what
            for what, absent in (
                ("plan", not model.actions),
                ("indicator", model.indicator is None),
                ("readings", model.indicator not in measured),
            )
            if absent
        ]
        if gaps:
            problems.append(
                say(
                    "ready.objective-gaps",
                    objective=objective.id,
                    gaps=Joined((say(f"ready.objective-gap.{g}") for g in gaps), ", "),
                )
            )
        elif model.target.by < ctx.as_of:
            late.append(objective.id)
    if problems:
        return Verdict("objectives-on-track", FAIL, Joined(problems), clauses, _ids(active))
    if late:
        return Verdict(
            "objectives-on-track",
            WARN,
            say("ready.objectives-late", ids=", ".join(late)),
            clauses,
            late,
        )
    return Verdict(
        "objectives-on-track",
        PASS,
        say("ready.objectives-on-track", count=len(active)),
        clauses,
        _ids(active),
    )


def _is_cn(ctx: Analysis) -> bool:
    config = ctx.repo.config
    return bool(config and (config.ems.jurisdiction or "").upper() == "CN")


RULES: tuple[tuple[Callable[[Analysis], Verdict], bool], ...] = (  # (rule, China only)
    (operating_period, False),
    (internal_audit, False),
    (management_review, False),
    (compliance_evaluation, False),
    (no_pollution_incident, False),
    (no_failed_inspection, True),
    (mandatory_documents, False),
    (open_nonconformities, False),
    (significant_aspects_controlled, False),
    (objectives_on_track, False),
    (exceedances_handled, False),
    (hazardous_waste, False),
    (chemicals_msds, False),
    (application_materials, True),
)


def readiness(ctx: Analysis) -> list[Verdict]:
    return [rule(ctx) for rule, china_only in RULES if not china_only or _is_cn(ctx)]


__all__ = ["RULES", "Verdict", "readiness"]
