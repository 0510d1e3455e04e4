"""Certification readiness: the rules of the domain notes' table, each pass / fail / warn with
its reason, the records it looked at and the clauses it bears on.

Everything depends on the as-of date: a repository is not ready before its internal audit
and ready after its management review. A rule with nothing to look at fails.
"""

from __future__ import annotations

from collections.abc import Callable

from emskit.analysis import Analysis
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
from emskit.certification.readiness_people import (
    competence_evidenced,
    internal_audit,
    management_review,
    objectives_on_track,
)
from emskit.certification.verdict import Verdict
from emskit.judgements.placeholders import has_content
from emskit.repo.repository import Record
from emskit.vocabulary import FAIL, PASS
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


# What the documented-information list needs: (what, clause, present?)
def mandatory_documents(ctx: Analysis) -> Verdict:
    repo = ctx.repo
    scope = repo.config.ems.scope if repo.config else None
    checks: list[tuple[str, str, bool]] = [
        ("scope", "4.3", has_content(scope) and "TODO" not in str(scope)),
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
    (competence_evidenced, False),
    (hazardous_waste, False),
    (chemicals_msds, False),
    (application_materials, True),
)


def readiness(ctx: Analysis) -> list[Verdict]:
    return [rule(ctx) for rule, china_only in RULES if not china_only or _is_cn(ctx)]


__all__ = ["RULES", "Verdict", "readiness"]
