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
from emskit.certification.application_materials import application_materials
from emskit.certification.verdict import Verdict
from emskit.clauses.evidence import missing_review_inputs
from emskit.listing import listing
from emskit.repo.repository import Record
from emskit.vocabulary import FAIL, PASS, WARN


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
            "ems.operating_since is not set: say when the EMS went live",
            clauses,
        )
    ready_on = add(start, "P3M")
    if ready_on > ctx.as_of:
        return Verdict(
            "operating-period",
            FAIL,
            f"the EMS went live on {start}; it has operated 3 months on {ready_on}",
            clauses,
        )
    return Verdict(
        "operating-period", PASS, f"operating since {start} (3 months reached {ready_on})", clauses
    )


def _audit_end(audit: Record) -> dt.date:
    return audit_last_day(audit.model)


def _complete_audit(ctx: Analysis) -> Record | None:
    from emskit.clauses.catalogue import catalogue, clause_covered

    start = ctx.repo.config.ems.operating_since if ctx.repo.config else None
    needed = {c.number for c in catalogue(ctx.edition).assessed}
    done = []
    for audit in _records(ctx, "audit"):
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
            "no complete internal audit (all clauses) finished since the EMS went live",
            clauses,
        )
    unraised = [
        f.id for f in audit.model.findings if f.type == "nonconformity" and not f.nonconformity
    ]
    if unraised:
        return Verdict(
            "internal-audit",
            FAIL,
            f"{audit.id}: nonconformity findings without a nonconformity "
            f"record: {listing(unraised)}",
            clauses,
            [audit.id],
        )
    return Verdict(
        "internal-audit",
        PASS,
        f"{audit.id} covered every clause, finished {_audit_end(audit)}",
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
            "no complete internal audit yet for a review to follow",
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
            f"no management review on or after {_audit_end(audit)}, the end of {audit.id}",
            clauses,
            [audit.id],
        )
    review = after[-1]
    missing = missing_review_inputs(review, ctx.edition)
    if missing:
        return Verdict(
            "management-review",
            FAIL,
            f"{review.id} does not cover: {', '.join(missing)}",
            clauses,
            [review.id],
        )
    return Verdict(
        "management-review",
        PASS,
        f"{review.id} on {review.model.date} covers every input",
        clauses,
        [review.id, audit.id],
    )


def compliance_evaluation(ctx: Analysis) -> Verdict:
    clauses = ("9.1.2",)
    applicable = [o for o in _records(ctx, "obligation") if o.model.status == "applicable"]
    if not applicable:
        return Verdict(
            "compliance-evaluation", FAIL, "no applicable obligation to evaluate", clauses
        )
    late = [
        i
        for i in ctx.due_items
        if i.kind == "compliance-evaluation" and (i.due < ctx.as_of or i.last is None)
    ]
    unanswered = [
        f"{e.id}/{r.obligation}"
        for e in _records(ctx, "evaluation")
        for r in e.model.results
        if r.result in ("non-compliant", "partial") and not r.action
    ]
    if late or unanswered:
        reasons = []
        if late:
            reasons.append(f"not evaluated within frequency: {listing(i.id for i in late)}")
        if unanswered:
            reasons.append(f"non-compliance without action: {listing(unanswered)}")
        return Verdict(
            "compliance-evaluation", FAIL, "; ".join(reasons), clauses, sorted(i.id for i in late)
        )
    return Verdict(
        "compliance-evaluation",
        PASS,
        f"all {len(applicable)} applicable obligations evaluated within their frequency",
        clauses,
        _ids(applicable),
    )


def no_pollution_incident(ctx: Analysis) -> Verdict:
    clauses = ("8.2",)
    cn = _is_cn(ctx)
    since = dt.date(ctx.as_of.year, 1, 1) if cn else add(ctx.as_of, "P1Y", -1)
    window = f"in {ctx.as_of.year}" if cn else "in the last 12 months"
    polluting = [
        i
        for i in _records(ctx, "incident")
        if i.model.pollution and since <= i.model.date <= ctx.as_of
    ]
    if polluting:
        return Verdict(
            "no-pollution-incident",
            FAIL,
            f"pollution incidents {window}: {listing(_ids(polluting))}",
            clauses,
            _ids(polluting),
        )
    return Verdict("no-pollution-incident", PASS, f"no pollution incident {window}", clauses)


# What the documented-information list needs: (what, clause, present?)
def mandatory_documents(ctx: Analysis) -> Verdict:
    repo = ctx.repo
    scope = repo.config.ems.scope if repo.config else None
    checks: list[tuple[str, str, bool]] = [
        ("scope", "4.3", bool(scope) and "TODO" not in str(scope)),
        ("environmental policy", "5.2", repo.singleton("policy") is not None),
        ("risks and opportunities", "6.1.1", bool(_records(ctx, "risk"))),
        ("aspects register", "6.1.2", bool(_records(ctx, "aspect"))),
        ("significance criteria", "6.1.2", bool(repo.config and repo.config.significance)),
        ("compliance obligations", "6.1.3", bool(_records(ctx, "obligation"))),
        ("objectives and plans", "6.2", bool(_records(ctx, "objective"))),
        ("competence evidence", "7.2", bool(_records(ctx, "training"))),
        ("communication evidence", "7.4", bool(_records(ctx, "communication"))),
        ("operational controls", "8.1", bool(_records(ctx, "control"))),
        ("emergency preparedness", "8.2", bool(_records(ctx, "scenario"))),
        ("monitoring results", "9.1.1", bool(repo.readings)),
        ("compliance evaluation results", "9.1.2", bool(_records(ctx, "evaluation"))),
        ("audit programme", "9.2", bool(_records(ctx, "audit-plan"))),
        ("audit results", "9.2", bool(_records(ctx, "audit"))),
        ("management review results", "9.3", bool(_records(ctx, "review"))),
    ]
    missing = [f"{what} ({clause})" for what, clause, present in checks if not present]
    clauses = tuple(dict.fromkeys(clause for _, clause, _ in checks))
    if missing:
        return Verdict("mandatory-documents", FAIL, f"missing: {', '.join(missing)}", clauses)
    return Verdict(
        "mandatory-documents",
        PASS,
        f"all {len(checks)} items of the documented-information list are present",
        clauses,
    )


def open_nonconformities(ctx: Analysis) -> Verdict:
    clauses = ("10.2",)
    open_ncs = [
        n
        for n in _records(ctx, "nonconformity")
        if n.model.status == "open" and n.model.raised <= ctx.as_of
    ]
    major = [n for n in open_ncs if n.model.grade == "major"]
    overdue = [i for i in ctx.due_items if i.kind == "corrective-action" and i.due < ctx.as_of]
    if major or overdue:
        parts = ([f"open major nonconformities: {listing(_ids(major))}"] if major else []) + (
            [f"corrective actions overdue: {listing(i.id for i in overdue)}"] if overdue else []
        )
        return Verdict("open-nonconformities", FAIL, "; ".join(parts), clauses, _ids(major))
    if open_ncs:
        return Verdict(
            "open-nonconformities",
            WARN,
            f"open minor nonconformities, actions on time: {listing(_ids(open_ncs))}",
            clauses,
            _ids(open_ncs),
        )
    return Verdict("open-nonconformities", PASS, "no open nonconformity", clauses)


def significant_aspects_controlled(ctx: Analysis) -> Verdict:
    clauses = ("6.1.4", "8.1")
    significant = [a for a in _records(ctx, "aspect") if ctx.is_significant(a)]
    if not significant:
        return Verdict(
            "significant-aspects-controlled", FAIL, "no significant aspect determined", clauses
        )
    bare = [a for a in significant if not ctx.is_addressed(a)]
    if bare:
        return Verdict(
            "significant-aspects-controlled",
            FAIL,
            f"significant aspects with no control, objective or indicator: {listing(_ids(bare))}",
            clauses,
            _ids(bare),
        )
    return Verdict(
        "significant-aspects-controlled",
        PASS,
        f"all {len(significant)} significant aspects have a control, an objective or an indicator",
        clauses,
        _ids(significant),
    )


def objectives_on_track(ctx: Analysis) -> Verdict:
    clauses = ("6.2",)
    active = [o for o in _records(ctx, "objective") if o.model.status == "active"]
    if not active:
        return Verdict("objectives-on-track", FAIL, "no active objective", clauses)
    measured = {r.indicator for r in ctx.repo.readings if r.date <= ctx.as_of}
    problems, late = [], []
    for objective in active:
        model = objective.model
        gaps = [
            what
            for what, absent in (
                ("a plan", not model.actions),
                ("an indicator", model.indicator is None),
                ("progress readings", model.indicator not in measured),
            )
            if absent
        ]
        if gaps:
            problems.append(f"{objective.id} has no {', '.join(gaps)}")
        elif model.target.by < ctx.as_of:
            late.append(objective.id)
    if problems:
        return Verdict("objectives-on-track", FAIL, "; ".join(problems), clauses, _ids(active))
    if late:
        return Verdict(
            "objectives-on-track",
            WARN,
            f"target date passed, still active: {', '.join(late)}",
            clauses,
            late,
        )
    return Verdict(
        "objectives-on-track",
        PASS,
        f"all {len(active)} active objectives have a plan and progress readings",
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
    (mandatory_documents, False),
    (open_nonconformities, False),
    (significant_aspects_controlled, False),
    (objectives_on_track, False),
    (application_materials, True),
)


def readiness(ctx: Analysis) -> list[Verdict]:
    return [rule(ctx) for rule, china_only in RULES if not china_only or _is_cn(ctx)]


__all__ = ["RULES", "Verdict", "readiness"]
