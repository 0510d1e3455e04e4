"""The readiness rules of compliance and operational control: compliance evaluation,
significant aspects, hazardous waste, chemicals and their MSDS, the China application
materials.

Each asks its question of judgements/ (the same functions check and gap ask) and only says
the answer: pass when there is no shortfall, fail naming every one, not-applicable where the
subject does not exist and is not required (no hazardous waste), fail where it is required
and absent (no obligations at all).
"""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.certification.verdict import Verdict
from emskit.judgements.application import application_materials as material_shortfalls
from emskit.judgements.application import required_materials
from emskit.judgements.aspects import unaddressed_significant
from emskit.judgements.chemicals import chemicals_msds as msds_shortfalls
from emskit.judgements.chemicals import hazardous_chemicals
from emskit.judgements.compliance import applicable_obligations, evaluation_shortfalls
from emskit.judgements.shortfall import Shortfall
from emskit.judgements.waste import hazardous_streams
from emskit.judgements.waste import hazardous_waste as waste_shortfalls
from emskit.vocabulary import FAIL, NOT_APPLICABLE, PASS, WARN
from emskit.words import Joined, Message, say


def _judged(
    rule: str,
    shortfalls: list[Shortfall],
    passed: Message,
    clauses: tuple[str, ...],
    looked_at: list[str],
) -> Verdict:
    """Pass with ``passed`` and the records looked at, or fail (warn when every shortfall is
    only a warning) with each shortfall's reason and the records they rest on."""
    if not shortfalls:
        return Verdict(rule, PASS, passed, clauses, sorted(looked_at))
    status = WARN if all(s.severity == WARN for s in shortfalls) else FAIL
    ids = sorted({i for s in shortfalls for i in s.ids})
    return Verdict(rule, status, Joined(s.reason for s in shortfalls), clauses, ids)


def compliance_evaluation(ctx: Analysis) -> Verdict:
    clauses = ("9.1.2",)
    applicable = applicable_obligations(ctx)
    if not applicable:
        return Verdict(
            "compliance-evaluation", FAIL, say("ready.no-applicable-obligation"), clauses
        )
    return _judged(
        "compliance-evaluation",
        evaluation_shortfalls(ctx),
        say("ready.evaluated-history", count=len(applicable)),
        clauses,
        [o.id for o in applicable],
    )


def significant_aspects_controlled(ctx: Analysis) -> Verdict:
    clauses = ("6.1.4", "8.1", "8.2")
    significant = ctx.significant_aspects()
    if not significant:
        return Verdict("significant-aspects-controlled", FAIL, say("ready.no-significant"), clauses)
    return _judged(
        "significant-aspects-controlled",
        unaddressed_significant(ctx),
        say("ready.significant-addressed", count=len(significant)),
        clauses,
        [a.id for a in significant],
    )


def hazardous_waste(ctx: Analysis) -> Verdict:
    clauses = ("8.1",)
    streams = hazardous_streams(ctx)
    if not streams:
        return Verdict("hazardous-waste", NOT_APPLICABLE, say("ready.no-hazardous-waste"), clauses)
    return _judged(
        "hazardous-waste",
        waste_shortfalls(ctx),
        say("ready.hazardous-waste", count=len(streams)),
        clauses,
        [s.id for s in streams],
    )


def chemicals_msds(ctx: Analysis) -> Verdict:
    clauses = ("8.1",)
    chemicals = hazardous_chemicals(ctx)
    if not chemicals:
        return Verdict(
            "chemicals-msds", NOT_APPLICABLE, say("ready.no-hazardous-chemical"), clauses
        )
    return _judged(
        "chemicals-msds",
        msds_shortfalls(ctx),
        say("ready.chemicals-msds", count=len(chemicals)),
        clauses,
        [c.id for c in chemicals],
    )


def application_materials(ctx: Analysis) -> Verdict:
    required = required_materials(ctx)
    return _judged(
        "application-materials",
        material_shortfalls(ctx),
        say("ready.materials-present", count=len(required), as_of=ctx.as_of),
        ("4.3",),
        [],
    )
