"""Evidence for section 10 of the standard: improvement."""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.clauses.evidence.common import (
    Assessment,
    covers,
    judge,
)
from emskit.judgements.placeholders import has_content
from emskit.model.evaluation import Audit, Review
from emskit.model.improvement import Nonconformity
from emskit.model.planning import Objective
from emskit.model.support import Document


def clause_10_1(ctx: Analysis) -> Assessment:
    found = [
        a
        for a in ctx.records("audit", Audit)
        if any(f.type == "opportunity" for f in a.model.findings)
    ]
    decided = [
        r
        for r in ctx.records("review", Review)
        if r.model.outputs and has_content(r.model.outputs.improvements)
    ]
    return judge(
        [],
        found + decided,
        "no improvement opportunities recorded (audit findings or review outputs)",
    )


def clause_10_2(ctx: Analysis) -> Assessment:
    ncs = ctx.records("nonconformity", Nonconformity)
    problems = []
    for nc in ncs:
        model = nc.model
        gaps = [
            what
            for what, absent in (
                ("root cause", not model.root_cause),
                ("corrective action", not model.corrective_actions),
            )
            if absent
        ]
        if model.status == "closed" and model.effectiveness is None:
            gaps.append("effectiveness check")
        if gaps:
            problems.append(f"{nc.id} has no {', '.join(gaps)}")
    if not ncs:
        procedures = [d for d in ctx.records("document", Document) if covers(d, "10.2")]
        return judge(
            [] if procedures else ["no nonconformity recorded and no procedure for handling one"],
            procedures,
            None,
        )
    return judge(problems, ncs)


def clause_10_3(ctx: Analysis) -> Assessment:
    achieved = [o for o in ctx.records("objective", Objective) if o.model.status == "achieved"]
    decided = [
        r
        for r in ctx.records("review", Review)
        if r.model.outputs and has_content(r.model.outputs.improvements)
    ]
    problems = [] if decided else ["no management review decided on improvements"]
    return judge(problems, decided + achieved, "no evidence of continual improvement")
