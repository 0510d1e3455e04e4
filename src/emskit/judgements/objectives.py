"""6.2: is each objective set up so it can be achieved, and is it on its way, by what its
indicator reads?

Set up: an indicator, a plan of actions, a baseline, and a target on the right side of the
baseline (a "decrease" objective whose target is above its baseline cannot be achieved by
getting better). On its way: the latest reading of its indicator (the monitoring CSV rows and
the laboratory reports' results, up to the as-of date) is judged against the straight line
from the baseline (on its date) to the target (on its date). Past half the period a reading
worse than the baseline fails; a reading behind the line is a warning. Readiness
(objectives-on-track), gap (6.2) and check (EMS330) ask it here.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from emskit.analysis import Analysis
from emskit.judgements.shortfall import Shortfall
from emskit.model.evaluation import Indicator
from emskit.model.external_checks import MonitoringReport
from emskit.model.planning import Objective
from emskit.repo.repository import Record
from emskit.vocabulary import FAIL, WARN
from emskit.words import Joined, say


class Point(NamedTuple):
    date: dt.date
    value: float


def number(value: float) -> str:
    return f"{value:g}"


def active_objectives(ctx: Analysis) -> list[Record[Objective]]:
    return sorted(
        (o for o in ctx.records("objective", Objective) if o.model.status == "active"),
        key=lambda o: o.id,
    )


def wrong_side(record: Record[Objective]) -> Shortfall | None:
    """A target that the objective's direction moves away from (EMS330)."""
    model = record.model
    if model.baseline is None:
        return None
    base, target = model.baseline.value, model.target.value
    if (model.direction == "decrease" and target > base) or (
        model.direction == "increase" and target < base
    ):
        return Shortfall(
            (record.id,),
            say(
                f"objectives.wrong-side-{model.direction}",
                objective=record.id,
                target=number(target),
                baseline=number(base),
            ),
        )
    return None


def latest_readings(ctx: Analysis, indicators: set[str]) -> dict[str, Point]:
    """The latest reading up to the as-of date of each of ``indicators`` (on one day, the last
    row read): the CSV rows and the laboratory reports' results."""
    out: dict[str, Point] = {}
    if not indicators:
        return out
    as_of = ctx.as_of

    def keep(indicator: str, day: dt.date, value: float) -> None:
        if indicator in indicators and day <= as_of:
            held = out.get(indicator)
            if held is None or held.date <= day:
                out[indicator] = Point(day, value)

    for report in ctx.records("monitoring-report", MonitoringReport):
        for result in report.model.results:
            keep(result.indicator, report.model.date, result.value)
    for reading in ctx.repo.readings:
        keep(reading.indicator, reading.date, reading.value)
    return out


def _indicators(objectives: list[Record[Objective]]) -> set[str]:
    return {o.model.indicator for o in objectives if o.model.indicator}


def setup_gaps(record: Record[Objective], measured: set[str]) -> list[str]:
    """What an active objective lacks to be pursued: the keys of ready.objective-gap.*"""
    model = record.model
    return [
        what
        for what, absent in (
            ("plan", not model.actions),
            ("indicator", model.indicator is None),
            ("baseline", model.baseline is None),
            ("readings", model.indicator is not None and model.indicator not in measured),
        )
        if absent
    ]


def progress(ctx: Analysis, record: Record[Objective], latest: Point) -> Shortfall | None:
    """The latest reading against the baseline and the straight line to the target."""
    model = record.model
    baseline = model.baseline
    if baseline is None or baseline.date is None or baseline.date >= model.target.by:
        return None
    better = -1 if model.direction == "decrease" else 1  # the sign of a change for the better
    units = {i.id: i.model.unit for i in ctx.records("indicator", Indicator)}
    values = {
        "objective": record.id,
        "value": number(latest.value),
        "unit": units.get(model.indicator or "", ""),
        "date": latest.date,
        "baseline": number(baseline.value),
        "target": number(model.target.value),
        "by": model.target.by,
    }
    span = (model.target.by - baseline.date).days
    half = baseline.date + dt.timedelta(days=span // 2)
    if latest.date <= baseline.date:
        # Nothing measured since the baseline: past half the period, not monitored (6.2.1).
        reason = say("objectives.no-reading-since-baseline", baseline_date=baseline.date, **values)
        return Shortfall((record.id,), reason, FAIL if ctx.as_of >= half else WARN)
    if (latest.value - baseline.value) * better < 0 and ctx.as_of >= half:
        return Shortfall((record.id,), say("objectives.worse-than-baseline", **values))
    elapsed = min(max((latest.date - baseline.date).days, 0), span)
    line = baseline.value + (model.target.value - baseline.value) * elapsed / span
    if (latest.value - line) * better < -1e-9:
        reason = say("objectives.behind-line", line=number(round(line, 3)), **values)
        return Shortfall((record.id,), reason, WARN)
    return None


def objective_shortfalls(ctx: Analysis, setup: bool = True) -> list[Shortfall]:
    """Every active objective: set up (unless ``setup`` is False: gap says that its own way),
    on the right side, on its way, not past its date."""
    active = active_objectives(ctx)
    latest = latest_readings(ctx, _indicators(active))
    out: list[Shortfall] = []
    for record in active:
        gaps = setup_gaps(record, set(latest)) if setup else []
        if gaps:
            named = Joined((say(f"ready.objective-gap.{g}") for g in gaps), ", ")
            out.append(
                Shortfall(
                    (record.id,), say("ready.objective-gaps", objective=record.id, gaps=named)
                )
            )
        side = wrong_side(record)
        if side is not None:
            out.append(side)
        point = latest.get(record.model.indicator or "")
        moving = progress(ctx, record, point) if point and side is None else None
        if moving is not None:
            out.append(moving)
        if record.model.target.by < ctx.as_of:
            reason = say("objectives.late", objective=record.id, by=record.model.target.by)
            out.append(Shortfall((record.id,), reason, WARN))
    return out


def achieved_unmet(ctx: Analysis) -> list[Shortfall]:
    """Objectives recorded achieved whose indicator's latest reading has not reached the
    target: the record says more than the readings do (gap 6.2)."""
    achieved = sorted(
        (o for o in ctx.records("objective", Objective) if o.model.status == "achieved"),
        key=lambda o: o.id,
    )
    latest = latest_readings(ctx, _indicators(achieved))
    units = {i.id: i.model.unit for i in ctx.records("indicator", Indicator)}
    out = []
    for record in achieved:
        model = record.model
        point = latest.get(model.indicator or "")
        if point is None:
            continue
        better = -1 if model.direction == "decrease" else 1
        if (point.value - model.target.value) * better < 0:
            reason = say(
                "objectives.achieved-unmet",
                objective=record.id,
                value=number(point.value),
                unit=units.get(model.indicator or "", ""),
                date=point.date,
                target=number(model.target.value),
            )
            out.append(Shortfall((record.id,), reason))
    return out
