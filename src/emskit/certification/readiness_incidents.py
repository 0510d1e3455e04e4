"""The readiness rules of what went wrong: pollution incidents and penalties, failed authority
inspections, exceedances, open nonconformities.

Each asks judgements/ (the questions check and gap ask too) and says the answer. The window
is the 12 months before the as-of date in every jurisdiction (judgements/window.py).
"""

from __future__ import annotations

from emskit.analysis import Analysis
from emskit.certification.readiness_compliance import _judged
from emskit.certification.verdict import Verdict
from emskit.judgements.exceedances import recent_exceedances, unhandled_exceedances
from emskit.judgements.incidents import (
    failed_inspections,
    pollution_and_penalties,
    recent_inspections,
)
from emskit.judgements.nonconformities import closed_early
from emskit.judgements.window import window_words
from emskit.listing import listing
from emskit.model.improvement import Nonconformity
from emskit.vocabulary import FAIL, NOT_APPLICABLE, PASS, WARN
from emskit.words import Joined, say


def no_pollution_incident(ctx: Analysis) -> Verdict:
    window = window_words(ctx.as_of)
    return _judged(
        "no-pollution-incident",
        pollution_and_penalties(ctx),
        say("ready.no-pollution-or-penalty", window=window),
        ("8.2",),
        [],
    )


def no_failed_inspection(ctx: Analysis) -> Verdict:
    clauses = ("9.1.2", "10.2")
    inspections = recent_inspections(ctx)
    window = window_words(ctx.as_of)
    if not inspections:
        return Verdict(
            "no-failed-inspection",
            NOT_APPLICABLE,
            say("ready.no-inspection", window=window),
            clauses,
        )
    return _judged(
        "no-failed-inspection",
        failed_inspections(ctx),
        say("ready.inspections-passed", count=len(inspections), window=window),
        clauses,
        [i.id for i in inspections],
    )


def exceedances_handled(ctx: Analysis) -> Verdict:
    clauses = ("9.1.1", "10.2")
    recent = recent_exceedances(ctx)
    window = window_words(ctx.as_of)
    if not recent:
        return Verdict(
            "exceedances-handled",
            NOT_APPLICABLE,
            say("ready.no-exceedance", window=window),
            clauses,
        )
    return _judged(
        "exceedances-handled",
        [j.shortfall for j in unhandled_exceedances(ctx, recent_only=True)],
        say("ready.exceedances-handled", count=len(recent), window=window),
        clauses,
        sorted({e.indicator for e in recent}),
    )


def open_nonconformities(ctx: Analysis) -> Verdict:
    """No open major nonconformity and no corrective action overdue; a nonconformity closed
    before its effectiveness check (or with actions open) is still open."""
    clauses = ("10.2",)
    early = {s.ids[0]: s for s in closed_early(ctx)}
    open_ncs = sorted(
        (
            n
            for n in ctx.records("nonconformity", Nonconformity)
            if n.model.raised <= ctx.as_of and (n.model.status == "open" or n.id in early)
        ),
        key=lambda n: n.id,
    )
    major = [n.id for n in open_ncs if n.model.grade == "major"]
    overdue = [i for i in ctx.due_items if i.kind == "corrective-action" and i.due < ctx.as_of]
    reopened = [early[n.id].reason for n in open_ncs if n.id in early]
    if major or overdue:
        parts = ([say("ready.major-open", ids=listing(major))] if major else []) + (
            [say("ready.overdue-actions", ids=listing(i.id for i in overdue))] if overdue else []
        )
        return Verdict("open-nonconformities", FAIL, Joined(parts + reopened), clauses, major)
    if open_ncs:
        ids = [n.id for n in open_ncs if n.id not in early]
        parts = ([say("ready.minor-open", ids=listing(ids))] if ids else []) + reopened
        return Verdict(
            "open-nonconformities", WARN, Joined(parts), clauses, [n.id for n in open_ncs]
        )
    return Verdict("open-nonconformities", PASS, say("ready.no-open-nc"), clauses)
