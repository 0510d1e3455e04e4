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
from collections import defaultdict
from typing import NamedTuple

from emskit.analysis import Analysis, once
from emskit.calendar.periods import add_days
from emskit.judgements.incidents import naming_nonconformities
from emskit.judgements.shortfall import Shortfall
from emskit.judgements.window import in_window
from emskit.model.evaluation import Indicator
from emskit.model.external_checks import MonitoringReport
from emskit.model.improvement import Incident, Nonconformity
from emskit.model.planning import Objective
from emskit.repo.positions import Loc
from emskit.repo.repository import Reading, Record
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


def limits(ctx: Analysis) -> dict[str, tuple[float | None, float | None, str]]:
    """(min, max, unit) of each indicator with a limit."""
    out = {}
    for record in ctx.records("indicator", Indicator):
        bounds = _bounds(record.model)
        if bounds is not None:
            out[record.id] = (*bounds, record.model.unit)
    return out


@once  # asked by check (EMS306, EMS342), gap and ready: read once per run
def readings_outside(ctx: Analysis) -> list[Reading]:
    """Every reading outside its indicator's limit, whatever its date, in reading order."""
    # Some 100,000 readings, nearly all within limits: one chained comparison each (the open
    # side of a one-sided limit is infinite) lets them by before anything else is looked at.
    inf = float("inf")
    within = {
        k: (-inf if low is None else low, inf if high is None else high)
        for k, (low, high, _) in limits(ctx).items()
    }
    out = []
    for reading in ctx.repo.readings:
        span = within.get(reading.indicator)
        if span is not None and not span[0] <= reading.value <= span[1]:
            out.append(reading)
    return out


@once  # asked by check, gap and ready: read once per run
def exceedances(ctx: Analysis) -> list[Exceedance]:
    """Every reading up to the as-of date outside its indicator's limit, oldest first."""
    bounds = limits(ctx)
    out = []
    for reading in readings_outside(ctx):
        if reading.date > ctx.as_of:
            continue
        shown = _outside(reading.value, *bounds[reading.indicator])
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
            limit = bounds.get(result.indicator)
            if limit is None:
                continue
            shown = _outside(result.value, *limit)
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


class Handlers:
    """The records that can handle exceedances, indexed once: monitoring nonconformities by
    ``source_ref``, exceedance incidents by indicator, the nonconformities of each incident."""

    def __init__(self, ctx: Analysis) -> None:
        self.monitoring: dict[str, list[Record[Nonconformity]]] = defaultdict(list)
        for nc in ctx.records("nonconformity", Nonconformity):
            if nc.model.source == "monitoring" and nc.model.source_ref:
                self.monitoring[nc.model.source_ref].append(nc)
        self.incidents: dict[str, list[Record[Incident]]] = defaultdict(list)
        for incident in ctx.records("incident", Incident):
            if incident.model.type == "exceedance":
                for indicator in incident.model.indicators:
                    self.incidents[indicator].append(incident)
        self.linked = naming_nonconformities(ctx)

    def of(self, exceedance: Exceedance) -> list[Record]:
        """The records that handle the exceedance: nonconformities raised for it with
        ``source: monitoring``, and those linked to an exceedance incident that names the
        indicator within 30 days after the reading; such an incident with no nonconformity yet
        is returned itself (that it lacks one is asked of the incident rules, EMS341)."""
        names = [exceedance.indicator, f"{exceedance.indicator}@{exceedance.day}"]
        if exceedance.report:
            names.append(exceedance.report)
        out: list[Record] = [
            nc
            for name in names
            for nc in self.monitoring.get(name, [])
            if nc.model.raised >= exceedance.day
        ]
        until = add_days(exceedance.day, REPORT_WITHIN)
        for incident in self.incidents.get(exceedance.indicator, []):
            if exceedance.day <= incident.model.date <= until:
                linked = self.linked.get(incident.id, [])
                out += [n for n in linked if n not in out] or [incident]
        return out


def _with_objective(ctx: Analysis) -> set[str]:
    """The indicators an active objective is set on: its own, or one whose obligations it
    addresses."""
    active = [o.model for o in ctx.records("objective", Objective) if o.model.status == "active"]
    addressed = {ref for model in active for ref in model.addresses}
    out = {model.indicator for model in active if model.indicator}
    for indicator in ctx.records("indicator", Indicator):
        if addressed & set(indicator.model.obligations):
            out.add(indicator.id)
    return out


class Judged(NamedTuple):
    exceedance: Exceedance
    shortfall: Shortfall


@once  # ready and gap ask it of the last 12 months: once per run
def unhandled_exceedances(ctx: Analysis, recent_only: bool) -> list[Judged]:
    """Exceedances not handled, and (CN, in the window) handled but with no objective; with
    ``recent_only`` only those of the 12 months before the as-of date, and a handling
    nonconformity still open is a warning (readiness and gap ask this; check asks the data
    alone, every exceedance)."""
    cn = _is_cn(ctx)
    handling = Handlers(ctx)
    with_objective = _with_objective(ctx) if cn else set()
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
        found = handling.of(exceedance)
        if not found:
            reason = say("exceedance.unhandled", **values)
            out.append(Judged(exceedance, Shortfall((exceedance.indicator,), reason)))
            continue
        ids = tuple(r.id for r in found)
        if cn and recent and exceedance.indicator not in with_objective:
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
    "Handlers",
    "Judged",
    "exceedances",
    "recent_exceedances",
    "unhandled_exceedances",
]
