"""9.1.1: is every limit that an obligation sets monitored, and the equipment calibrated?

A limit an obligation sets is an indicator's ``limit`` on an indicator linked to an applicable
obligation (the permit's COD limit on IND-COD). It is monitored when the indicator has
readings (the CSV rows and the laboratory reports' results) in the 12 months before the
as-of date and its last reading is within its frequency. Equipment is calibrated when its
calibration is not past its interval (the calendar's reading of the dates).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from operator import attrgetter

from emskit.analysis import Analysis
from emskit.calendar.periods import add
from emskit.judgements.shortfall import Shortfall
from emskit.listing import listing
from emskit.model.evaluation import Equipment, Indicator, Limit
from emskit.model.external_checks import MonitoringReport
from emskit.repo.repository import Record
from emskit.words import say

LOOK_BACK = "P12M"


def reading_dates(ctx: Analysis) -> dict[str, list[dt.date]]:
    """Each indicator's reading dates up to the as-of date, oldest first: the CSV rows and the
    results of third-party monitoring reports (readings dated by their report)."""
    dates: defaultdict[str, set[dt.date]] = defaultdict(set)
    readings = ctx.repo.readings
    # 100,000 readings in a large repository: columns taken at C speed, and the date compared
    # only when some reading is after the as-of date.
    indicators, days = map(attrgetter("indicator"), readings), map(attrgetter("date"), readings)
    pairs = zip(indicators, days, strict=True)
    if readings and max(map(attrgetter("date"), readings)) <= ctx.as_of:
        for indicator, day in pairs:
            dates[indicator].add(day)
    else:
        for indicator, day in pairs:
            if day <= ctx.as_of:
                dates[indicator].add(day)
    for report in ctx.records("monitoring-report", MonitoringReport):
        if report.model.date <= ctx.as_of:
            for result in report.model.results:
                dates.setdefault(result.indicator, set()).add(report.model.date)
    return {indicator: sorted(days) for indicator, days in dates.items()}


def _shown(limit: Limit, unit: str) -> str:
    parts = [
        f"≥ {limit.min:g}" if limit.min is not None else "",
        f"≤ {limit.max:g}" if limit.max is not None else "",
    ]
    return " ".join(p for p in parts if p) + f" {unit}"


def limited_indicators(ctx: Analysis) -> list[tuple[Record[Indicator], list[str]]]:
    """Indicators with a limit, linked to applicable obligations: the limits obligations set."""
    out = []
    for indicator in ctx.records("indicator", Indicator):
        limit = indicator.model.limit
        if limit is None or (limit.min is None and limit.max is None):
            continue
        obligations = sorted(
            o.id
            for o in ctx.linked(indicator, "obligation")
            if getattr(o.model, "status", "applicable") == "applicable"
        )
        if obligations:
            out.append((indicator, obligations))
    return out


def unmonitored_limits(ctx: Analysis) -> list[Shortfall]:
    limited = limited_indicators(ctx)
    if not limited:  # no limit an obligation sets: the readings need not be read
        return []
    dates = reading_dates(ctx)
    since = add(ctx.as_of, LOOK_BACK, -1)
    out = []
    for indicator, obligations in limited:
        model = indicator.model
        assert model.limit is not None
        values = {
            "indicator": indicator.id,
            "limit": _shown(model.limit, model.unit),
            "obligations": listing(obligations),
        }
        recent = [d for d in dates.get(indicator.id, []) if d >= since]
        ids = (indicator.id, *obligations)
        if not recent:
            out.append(Shortfall(ids, say("monitoring.limit-unread", as_of=ctx.as_of, **values)))
            continue
        frequency = model.frequency
        if frequency and add(recent[-1], frequency) < ctx.as_of:
            due = add(recent[-1], frequency)
            out.append(
                Shortfall(
                    ids,
                    say(
                        "monitoring.limit-lapsed",
                        last=recent[-1],
                        frequency=frequency,
                        due=due,
                        **values,
                    ),
                )
            )
    return out


def uncalibrated_equipment(ctx: Analysis) -> list[Shortfall]:
    out = []
    lapsed = {
        item.id: item
        for item in ctx.calendar("calibration")
        if item.due < ctx.as_of and item.last is not None
    }
    for equipment in sorted(ctx.records("equipment", Equipment), key=lambda e: e.id):
        model = equipment.model
        if not model.calibrated_on:
            out.append(
                Shortfall(
                    (equipment.id,),
                    say("monitoring.equipment-uncalibrated", equipment=equipment.id),
                )
            )
        elif equipment.id in lapsed:
            out.append(
                Shortfall(
                    (equipment.id,),
                    say(
                        "monitoring.equipment-lapsed",
                        equipment=equipment.id,
                        last=model.calibrated_on,
                        interval=model.calibration_interval,
                        due=lapsed[equipment.id].due,
                    ),
                )
            )
    return out


def monitoring_shortfalls(ctx: Analysis) -> list[Shortfall]:
    """The limits obligations set, monitored; the equipment, calibrated."""
    return [*unmonitored_limits(ctx), *uncalibrated_equipment(ctx)]
