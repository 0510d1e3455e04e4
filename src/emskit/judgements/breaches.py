"""9.1.2 and 8.1: an obligation breached, then evaluated "compliant" as if nothing happened.

A breach is an incident that needs a nonconformity (judgements/incidents.py) or a reading
outside a limit (judgements/exceedances.py). The obligations it breaches are those the incident
names (``obligations``) and those linked to the indicators whose readings it concerns (the
limit an obligation sets). The first evaluation of such an obligation on or after the breach
that rates it ``compliant``, while no nonconformity raised for the breach was closed by then,
did not evaluate what happened: an auditor raises it against 9.1.2 (and 8.1, the criteria).
Only evaluations of the 12 months before the as-of date are raised.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from typing import NamedTuple

from emskit.analysis import Analysis, once
from emskit.judgements.exceedances import Handlers, exceedances
from emskit.judgements.incidents import dated_incidents, naming_nonconformities, needs_nonconformity
from emskit.judgements.shortfall import Shortfall
from emskit.judgements.window import in_window
from emskit.model.evaluation import Evaluation, Indicator
from emskit.repo.repository import Record
from emskit.words import say


class Breach(NamedTuple):
    what: str  # the incident id, or "IND-COD@2026-07-31" for a reading
    day: dt.date
    obligations: frozenset[str]
    handled_by: tuple[Record, ...]  # the nonconformities raised for it


def _indicator_obligations(ctx: Analysis) -> dict[str, set[str]]:
    return {i.id: set(i.model.obligations) for i in ctx.records("indicator", Indicator)}


def breaches(ctx: Analysis) -> list[Breach]:
    by_indicator = _indicator_obligations(ctx)
    linked = naming_nonconformities(ctx)
    out = []
    for incident in dated_incidents(ctx):
        model = incident.model
        if not needs_nonconformity(model):
            continue
        obligations = set(model.obligations)
        for indicator in model.indicators:
            obligations |= by_indicator.get(indicator, set())
        if obligations:
            handled = tuple(linked.get(incident.id, []))
            out.append(Breach(incident.id, model.date, frozenset(obligations), handled))
    handling = Handlers(ctx)
    for exceedance in exceedances(ctx):
        obligations = by_indicator.get(exceedance.indicator, set())
        if obligations:
            handled = tuple(r for r in handling.of(exceedance) if r.kind == "nonconformity")
            what = f"{exceedance.indicator}@{exceedance.day}"
            out.append(Breach(what, exceedance.day, frozenset(obligations), handled))
    return out


@once  # asked by check, gap and ready: read once per run
def compliant_despite_breach(ctx: Analysis) -> list[Shortfall]:
    # Each obligation's results, oldest first, so the first one after a breach is a bisection.
    results: dict[str, list[tuple[dt.date, str, Record[Evaluation], str]]] = defaultdict(list)
    for evaluation in ctx.records("evaluation", Evaluation):
        if evaluation.model.date <= ctx.as_of:
            for result in evaluation.model.results:
                entry = (evaluation.model.date, evaluation.id, evaluation, result.result)
                results[result.obligation].append(entry)
    for entries in results.values():
        entries.sort(key=lambda e: (e[0], e[1]))
    out = []
    for breach in breaches(ctx):
        for obligation in sorted(breach.obligations):
            entries = results.get(obligation, [])
            at = bisect_left(entries, breach.day, key=lambda e: e[0])
            if at == len(entries):
                continue
            date, _, evaluation, rated = entries[at]
            if rated != "compliant" or not in_window(date, ctx.as_of):
                continue
            if any(_closed_by(nc, date) for nc in breach.handled_by):
                continue
            reason = say(
                "breach.evaluated-compliant",
                evaluation=evaluation.id,
                date=date,
                obligation=obligation,
                breach=breach.what,
                day=breach.day,
            )
            out.append(Shortfall((evaluation.id, obligation, breach.what), reason))
    return out


def _closed_by(nc: Record, day: dt.date) -> bool:
    model = nc.model
    return bool(model.status == "closed" and (model.closed_on or model.raised) <= day)


__all__ = ["Breach", "breaches", "compliant_despite_breach"]
