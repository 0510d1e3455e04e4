"""Evidence for section 10 of the standard: improvement."""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.clauses.evidence.common import (
    Assessment,
    covers,
    judge,
)
from emskit.judgements.exceedances import unhandled_exceedances
from emskit.judgements.nonconformities import closed_early, out_of_order
from emskit.judgements.placeholders import has_content
from emskit.model.evaluation import Audit, Review
from emskit.model.improvement import Nonconformity
from emskit.model.planning import Objective
from emskit.model.support import Document
from emskit.vocabulary import WARN


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
        if gaps:
            problems.append(f"{nc.id} has no {', '.join(gaps)}")
    # Correction, cause, actions, effectiveness, closure, in that order; every exceedance
    # of the last 12 months handled.
    problems += [s.reason for s in (*closed_early(ctx), *out_of_order(ctx))]
    # (A nonconformity still open on an exceedance is work in progress, not a gap.)
    problems += [
        j.shortfall.reason
        for j in unhandled_exceedances(ctx, recent_only=True)
        if j.shortfall.severity != WARN
    ]
    if not ncs:
        procedures = [d for d in ctx.records("document", Document) if covers(d, "10.2")]
        if not procedures:
            problems.append("no nonconformity recorded and no procedure for handling one")
        return judge(problems, procedures, None)
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
