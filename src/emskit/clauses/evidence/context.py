"""Evidence for section 4 of the standard: context of the organisation."""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.clauses.evidence.common import (
    MISSING,
    Assessment,
    clause_key,
    judge,
    texts,
)
from emskit.judgements.placeholders import has_content
from emskit.model.common import text_in
from emskit.model.config import Site
from emskit.model.context import InterestedParty, Issue
from emskit.model.planning import Aspect

TOPICS_2026 = {
    "climate change": ("climate", "气候"),
    "biodiversity": ("biodiversity", "生物多样性"),
    "ecosystem health": ("ecosystem", "生态系统"),
    "availability of natural resources": ("resource", "资源"),
    "pollution": ("pollution", "污染"),
}


def clause_4_1(ctx: Analysis) -> Assessment:
    issues = ctx.records("issue", Issue)
    types = {r.model.type for r in issues}
    problems = [
        f"no {kind} issue recorded" for kind in ("internal", "external") if kind not in types
    ]
    context = ctx.singleton("context")
    if ctx.edition != "2015":
        decision = context.model.climate_change if context else None
        if decision is None:
            problems.append(
                "no decision on whether climate change is a relevant issue (climate_change:)"
            )
        elif not text_in(decision.rationale, "en").strip():
            problems.append("the climate-change decision has no rationale")
    if ctx.edition == "2026":
        words = [t for r in issues for t in texts(r.model.topic) + texts(r.model.description)]
        for topic, keys in TOPICS_2026.items():
            if not any(key in text for key in keys for text in words):
                problems.append(f"no issue considers {topic} (2026 names it in 4.1)")
    return judge(
        problems, issues + ([context] if context else []), "no internal or external issues recorded"
    )


def clause_4_2(ctx: Analysis) -> Assessment:
    parties = ctx.records("party", InterestedParty)
    problems = [
        f"{p.id} has no needs and expectations recorded" for p in parties if not p.model.needs
    ]
    if parties and not any(p.model.compliance_obligation for p in parties):
        problems.append("no party's requirement is marked as becoming a compliance obligation")
    return judge(problems, parties, "no interested parties recorded")


def clause_4_3(ctx: Analysis) -> Assessment:
    config = ctx.repo.config
    scope = text_in(config.ems.scope, "en").strip() if config else ""
    problems = []
    if not has_content(config.ems.scope if config else None) or "TODO" in scope:
        return Assessment(MISSING, ["ems.scope in emskit.yaml is not written yet"])
    if config and not config.organization.sites:
        problems.append(
            "no sites listed under organization.sites: the physical boundary is not stated"
        )
    if ctx.edition == "2026":
        stages = {r.model.lifecycle_stage for r in ctx.records("aspect", Aspect)} - {
            None,
            "production",
        }
        if not stages:
            problems.append(
                "no aspect is assessed beyond production: 2026 asks for a life-cycle perspective"
            )
    return judge(problems, ctx.records("site", Site))


def clause_4_4(ctx: Analysis, others: dict[str, Assessment]) -> Assessment:
    short = sorted((n for n, a in others.items() if a.status == MISSING), key=clause_key)
    return judge([f"processes missing for clauses {', '.join(short)}"] if short else [], [])
