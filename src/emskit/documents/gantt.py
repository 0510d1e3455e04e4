"""The implementation roadmap as a Gantt chart: bar geometry for planned against actual dates.

Only numbers and labels come out of here; the HTML template draws them as inline SVG (no
script, no network), so the chart escapes like any other text of the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emskit.certification.roadmap import Roadmap, RoadmapStep

LABEL_WIDTH = 170.0
CHART_WIDTH = 720.0
ROW_HEIGHT = 22.0
TOP = 28.0
MIN_BAR = 4.0


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Row:
    step: RoadmapStep
    y: float
    planned: Bar | None
    actual: Bar | None


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Gantt:
    width: float
    height: float
    rows: tuple[Row, ...]
    ticks: tuple[Tick, ...]
    as_of_x: float
    label_width: float = LABEL_WIDTH
    row_height: float = ROW_HEIGHT


def _dates(roadmap: Roadmap) -> list[dt.date]:
    days = [roadmap.as_of] + ([roadmap.start] if roadmap.start else [])
    for step in roadmap.steps:
        days += [d for d in (step.planned, step.done_on) if d is not None]
    return days


def gantt(roadmap: Roadmap) -> Gantt:
    days = _dates(roadmap)
    low, high = min(days), max(days)
    span = max((high - low).days, 1)

    def x_of(day: dt.date) -> float:
        return LABEL_WIDTH + CHART_WIDTH * (day - low).days / span

    def bar(begin: dt.date, end: dt.date) -> Bar:
        begin = min(begin, end)
        width = max(x_of(end) - x_of(begin), MIN_BAR)
        return Bar(round(x_of(end) - width, 1), round(width, 1), begin, end)

    rows: list[Row] = []
    # Each bar runs from where the same series stood before the step (the project start, or
    # the latest earlier date), so a late step shows as a longer actual bar.
    planned_at = done_at = roadmap.start or low
    for number, step in enumerate(roadmap.steps):
        planned = bar(planned_at, step.planned) if step.planned else None
        actual = bar(done_at, step.done_on) if step.done_on else None
        planned_at = max(planned_at, step.planned or planned_at)
        done_at = max(done_at, step.done_on or done_at)
        rows.append(Row(step, TOP + number * ROW_HEIGHT, planned, actual))
    ticks = tuple(
        Tick(round(x_of(dt.date(year, 1, 1)), 1), str(year))
        for year in range(low.year + 1, high.year + 1)
    )
    height = TOP + len(rows) * ROW_HEIGHT + 10
    return Gantt(
        LABEL_WIDTH + CHART_WIDTH + 20, height, tuple(rows), ticks, round(x_of(roadmap.as_of), 1)
    )
