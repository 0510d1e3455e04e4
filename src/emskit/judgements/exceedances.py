"""9.1.1, 10.2 and the CN rules: is every reading outside its limit handled?

A reading (a CSV row or a laboratory report's result) outside its indicator's ``limit`` is
*handled* (format spec, "Handling exceedances") when an incident of ``type: exceedance`` names
the indicator within 30 days after the reading, or a nonconformity with ``source: monitoring``
names it in ``source_ref`` (the indicator, the monitoring report, or ``IND-COD@2026-07-31``).
Under ``jurisdiction: CN`` an exceedance in the last 12 months also needs an active objective
on that indicator or addressing one of its obligations.

Readiness (exceedances-handled), gap (9.1.1, 10.2) and check (EMS342) ask these questions here.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from emskit.analysis import Analysis
from emskit.calendar.periods import add_days
from emskit.judgements.incidents import naming_nonconformities
from emskit.judgements.shortfall import Shortfall
from emskit.judgements.window import in_window
from emskit.model.evaluation import Indicator
from emskit.model.external_checks import MonitoringReport
from emskit.model.improvement import Incident, Nonconformity
from emskit.model.planning import Objective
from emskit.repo.positions import Loc
from emskit.repo.repository import Record
from emskit.vocabulary import WARN
from emskit.words import say

REPORT_WITHIN = 30  # days after the reading in which an exceedance incident handles it


class Exceedance(NamedTuple):
    """One reading outside its indicator's limit, and where it is written."""

    indicator: str
    value: float
    day: dt.date
    limit: str  # the limit as a reason shows it: "≤ 9 pH"
    file: str
    line: int | None  # the CSV line, or None for a report's result (found by ``loc``)
    loc: Loc
    report: str | None  # the monitoring report's id


def _bounds(indicator: Indicator) -> tuple[float | None, float | None] | None:
    limit = indicator.limit
    if limit is None or (limit.min is None and limit.max is None):
        return None
    return limit.min, limit.max


def _outside(value: float, low: float | None, high: float | None, unit: str) -> str | None:
    if high is not None and value > high:
        return f"≤ {high:g} {unit}"
    if low is not None and value < low:
        return f"≥ {low:g} {unit}"
    return None


def exceedances(ctx: Analysis) -> list[Exceedance]:
    """Every reading up to the as-of date outside its indicator's limit, oldest first."""
    indicators = {i.id: i.model for i in ctx.records("indicator", Indicator)}
    bounds = {k: b for k, v in indicators.items() if (b := _bounds(v)) is not None}
    out = []
    for reading in ctx.repo.readings:
        limits = bounds.get(reading.indicator)
        if limits is None or reading.date > ctx.as_of:
            continue
        shown = _outside(reading.value, *limits, indicators[reading.indicator].unit)
        if shown:
            out.append(
                Exceedance(
                    reading.indicator,
                    reading.value,
                    reading.date,
                    shown,
                    reading.file,
                    reading.line,
                    (),
                    None,
                )
            )
    for report in ctx.records("monitoring-report", MonitoringReport):
        if report.model.date > ctx.as_of:
            continue
        for index, result in enumerate(report.model.results):
            limits = bounds.get(result.indicator)
            if limits is None:
                continue
            shown = _outside(result.value, *limits, indicators[result.indicator].unit)
            if shown:
                loc = (*report.loc, "results", index)
                out.append(
                    Exceedance(
                        result.indicator,
                        result.value,
                        report.model.date,
                        shown,
                        report.file,
                        None,
                        loc,
                        report.id,
                    )
                )
    return sorted(out, key=lambda e: (e.day, e.indicator, e.file, e.line or 0))


def handlers(ctx: Analysis, exceedance: Exceedance) -> list[Record]:
    """The records that handle the exceedance: nonconformities raised for it with ``source:
    monitoring``, and those linked to an exceedance incident that names the indicator within
    30 days after the reading; such an incident with no nonconformity yet is returned itself
    (that it lacks one is asked of the incident rules, EMS341)."""
    names = {exceedance.indicator, f"{exceedance.indicator}@{exceedance.day}"}
    if exceedance.report:
        names.add(exceedance.report)
    out: list[Record] = [
        n
        for n in ctx.records("nonconformity", Nonconformity)
        if n.model.source == "monitoring"
        and n.model.source_ref in names
        and n.model.raised >= exceedance.day
    ]
    linked = naming_nonconformities(ctx)
    until = add_days(exceedance.day, REPORT_WITHIN)
    for incident in ctx.records("incident", Incident):
        model = incident.model
        if (
            model.type == "exceedance"
            and exceedance.indicator in model.indicators
            and exceedance.day <= model.date <= until
        ):
            out += [n for n in linked.get(incident.id, []) if n not in out] or [incident]
    return out


def _objective_for(ctx: Analysis, indicator: str) -> str | None:
    record = next((i for i in ctx.records("indicator", Indicator) if i.id == indicator), None)
    obligations = set(record.model.obligations) if record else set()
    for objective in sorted(ctx.records("objective", Objective), key=lambda o: o.id):
        model = objective.model
        if model.status == "active" and (
            model.indicator == indicator or obligations & set(model.addresses)
        ):
            return objective.id
    return None


class Judged(NamedTuple):
    exceedance: Exceedance
    shortfall: Shortfall


def unhandled_exceedances(ctx: Analysis, recent_only: bool) -> list[Judged]:
    """Exceedances not handled, and (CN, in the window) handled but with no objective; with
    ``recent_only`` only those of the 12 months before the as-of date, and a handling
    nonconformity still open is a warning (readiness and gap ask this; check asks the data
    alone, every exceedance)."""
    cn = _is_cn(ctx)
    out = []
    for exceedance in exceedances(ctx):
        recent = in_window(exceedance.day, ctx.as_of)
        if recent_only and not recent:
            continue
        values = {
            "indicator": exceedance.indicator,
            "value": f"{exceedance.value:g}",
            "date": exceedance.day,
            "limit": exceedance.limit,
        }
        found = handlers(ctx, exceedance)
        if not found:
            reason = say("exceedance.unhandled", **values)
            out.append(Judged(exceedance, Shortfall((exceedance.indicator,), reason)))
            continue
        ids = tuple(r.id for r in found)
        if cn and recent and _objective_for(ctx, exceedance.indicator) is None:
            reason = say("exceedance.no-objective", handler=ids[0], **values)
            out.append(Judged(exceedance, Shortfall((exceedance.indicator, *ids), reason)))
        if recent_only:
            still_open = [r.id for r in found if getattr(r.model, "status", "closed") == "open"]
            if still_open and len(still_open) == len(found):
                reason = say("exceedance.open", handler=still_open[0], **values)
                shortfall = Shortfall((exceedance.indicator, *still_open), reason, WARN)
                out.append(Judged(exceedance, shortfall))
    return out


def recent_exceedances(ctx: Analysis) -> list[Exceedance]:
    return [e for e in exceedances(ctx) if in_window(e.day, ctx.as_of)]


def _is_cn(ctx: Analysis) -> bool:
    config = ctx.repo.config
    return bool(config and (config.ems.jurisdiction or "").upper() == "CN")


__all__ = [
    "Exceedance",
    "Judged",
    "exceedances",
    "handlers",
    "recent_exceedances",
    "unhandled_exceedances",
]
