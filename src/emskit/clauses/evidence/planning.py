"""Evidence for section 6 of the standard: planning."""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.clauses.evidence.common import (
    MISSING,
    PARTIAL,
    Assessment,
    covers,
    id_list,
    judge,
)
from emskit.judgements.aspects import unaddressed_significant
from emskit.judgements.objectives import achieved_unmet, objective_shortfalls
from emskit.judgements.placeholders import has_content
from emskit.model.context import Risk
from emskit.model.evaluation import Review
from emskit.model.operation import Scenario
from emskit.model.planning import Aspect, Objective, Obligation
from emskit.model.support import Document
from emskit.vocabulary import CONDITIONS


def _risks(ctx: Analysis) -> Assessment:
    risks = ctx.records("risk", Risk)
    types = {r.model.type for r in risks}
    problems = [f"no {kind} recorded" for kind in ("risk", "opportunity") if kind not in types]
    unplanned = [r for r in risks if not r.model.actions]
    if unplanned:
        problems.append(f"risks and opportunities without planned action: {id_list(unplanned)}")
    return judge(problems, risks, "no risks and opportunities recorded (risks.yaml)")


def clause_6_1_1(ctx: Analysis) -> Assessment:
    if ctx.edition == "2026":  # from 2026 the determination itself is 6.1.4
        scenarios = ctx.records("scenario", Scenario)
        return judge(
            [] if scenarios else ["no potential emergency situations determined"],
            scenarios,
            "no potential emergency situations determined",
        )
    return _risks(ctx)


def clause_6_1_2(ctx: Analysis) -> Assessment:
    aspects = ctx.records("aspect", Aspect)
    if not aspects:
        return Assessment(MISSING, ["no environmental aspects recorded"])
    problems = [
        f"no aspect in {c} conditions"
        for c in CONDITIONS
        if c not in {a.model.condition for a in aspects}
    ]
    scoring = ctx.scoring
    if scoring.methods is None:
        problems.append("no significance method in emskit.yaml: the criteria are not documented")
    elif scoring.problems:
        problems.append("the significance method in emskit.yaml cannot be used (see emskit check)")
    else:
        unscored = [o.record for o in scoring.outcomes if o.significant is None]
        if unscored:
            problems.append(f"aspects whose significance cannot be computed: {id_list(unscored)}")
        if not ctx.significant_aspects():
            problems.append("no aspect is significant: check the method's threshold")
    return judge(problems, aspects)


def clause_6_1_3(ctx: Analysis) -> Assessment:
    obligations = ctx.records("obligation", Obligation)
    applicable = [o for o in obligations if o.model.status == "applicable"]
    problems = [] if applicable else ["no applicable obligation"]
    regulated = [
        a for a in ctx.significant_aspects() if a.model.obligations or ctx.linked(a, "obligation")
    ]
    if applicable and not regulated:
        problems.append("no significant aspect is linked to a compliance obligation")
    expired = [o for o in applicable if o.model.expires and o.model.expires < ctx.as_of]
    if expired:
        problems.append(f"applicable obligations past their expiry date: {id_list(expired)}")
    return judge(problems, obligations, "no compliance obligations recorded")


def clause_planning_action(ctx: Analysis) -> Assessment:
    significant = ctx.significant_aspects()
    problems: list[str] = [s.reason for s in unaddressed_significant(ctx)]
    unplanned = [r for r in ctx.records("risk", Risk) if not r.model.actions]
    if unplanned:
        problems.append(f"risks without planned action: {id_list(unplanned)}")
    return judge(problems, significant, "no significant aspects to plan action on")


def clause_6_1_4(ctx: Analysis) -> Assessment:
    return _risks(ctx) if ctx.edition == "2026" else clause_planning_action(ctx)


def clause_6_2(ctx: Analysis) -> Assessment:
    objectives = [o for o in ctx.records("objective", Objective) if o.model.status != "cancelled"]
    problems = []
    for record in objectives:
        model = record.model
        gaps = [
            what
            for what, absent in (
                ("an indicator", model.indicator is None),
                ("a plan of actions", not model.actions),
                ("a baseline", model.baseline is None),
            )
            if absent
        ]
        if gaps:
            problems.append(f"{record.id} has no {' and no '.join(gaps)}")
    significant = {a.id for a in ctx.significant_aspects()}
    if (
        objectives
        and significant
        and not any(significant & set(o.model.addresses) for o in objectives)
    ):
        problems.append("no objective addresses a significant aspect")
    problems += [s.reason for s in (*objective_shortfalls(ctx, setup=False), *achieved_unmet(ctx))]
    return judge(problems, objectives, "no environmental objectives set")


def clause_6_3(ctx: Analysis) -> Assessment:
    documents = [d for d in ctx.records("document", Document) if covers(d, "6.3")]
    reviews = [
        r
        for r in ctx.records("review", Review)
        if r.model.outputs and has_content(r.model.outputs.changes)
    ]
    if documents:
        return judge([], documents)
    if reviews:
        return Assessment(
            PARTIAL,
            [
                "changes are decided in management reviews, but no document says how "
                "changes to the EMS are planned (a document with clauses: [6.3])"
            ],
            reviews,
        )
    return Assessment(MISSING, ["no evidence that changes to the EMS are planned (new in 2026)"])
