"""The readiness rules of compliance and operational control: compliance evaluation,
significant aspects, hazardous waste, chemicals and their MSDS, the China application
materials.

Each asks its question of judgements/ (the same functions check and gap ask) and only says
the answer: pass when there is no shortfall, fail naming every one, not-applicable where the
subject does not exist and is not required (no hazardous waste), fail where it is required
and absent (no obligations at all).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
from emskit.repo.repository import Record
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


def _over_subjects(
    rule: str,
    clauses: tuple[str, ...],
    subjects: Sequence[Record],
    when_none: tuple[str, Message],
    shortfalls: Callable[[Analysis], list[Shortfall]],
    passed: str,
    ctx: Analysis,
) -> Verdict:
    """A rule over a kind of record: ``when_none`` (status and reason) where there is none of
    them, else the shortfalls judged, the pass naming how many were looked at."""
    if not subjects:
        return Verdict(rule, when_none[0], when_none[1], clauses)
    return _judged(
        rule,
        shortfalls(ctx),
        say(passed, count=len(subjects)),
        clauses,
        [s.id for s in subjects],
    )


def compliance_evaluation(ctx: Analysis) -> Verdict:
    # Required: an EMS with no applicable obligation has not identified them (6.1.3).
    return _over_subjects(
        "compliance-evaluation",
        ("9.1.2",),
        applicable_obligations(ctx),
        (FAIL, say("ready.no-applicable-obligation")),
        evaluation_shortfalls,
        "ready.evaluated-history",
        ctx,
    )


def significant_aspects_controlled(ctx: Analysis) -> Verdict:
    return _over_subjects(
        "significant-aspects-controlled",
        ("6.1.4", "8.1", "8.2"),
        ctx.significant_aspects(),
        (FAIL, say("ready.no-significant")),
        unaddressed_significant,
        "ready.significant-addressed",
        ctx,
    )


def hazardous_waste(ctx: Analysis) -> Verdict:
    return _over_subjects(
        "hazardous-waste",
        ("8.1",),
        hazardous_streams(ctx),
        (NOT_APPLICABLE, say("ready.no-hazardous-waste")),
        waste_shortfalls,
        "ready.hazardous-waste",
        ctx,
    )


def chemicals_msds(ctx: Analysis) -> Verdict:
    return _over_subjects(
        "chemicals-msds",
        ("8.1",),
        hazardous_chemicals(ctx),
        (NOT_APPLICABLE, say("ready.no-hazardous-chemical")),
        msds_shortfalls,
        "ready.chemicals-msds",
        ctx,
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
