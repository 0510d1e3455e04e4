"""Nothing has happened after the as-of date.

Readings, audits, reviews, evaluations, trainings, drills, incidents, communications and
the dates on which things were done, closed, approved or calibrated cannot lie after today
(or, where emskit is not told today, after the as-of date). With a past ``--as-of``, records
dated between it and today are left out instead (EMS204). Planned dates (due, target) may.

Passes (as of 2026-11-22)::

    2026-10-31,IND-VOC,1.02,SITE-MAIN,

Fails (as of 2026-11-22)::

    2026-12-31,IND-VOC,1.02,SITE-MAIN,
"""

from collections.abc import Iterator
from functools import cache
from operator import attrgetter
from typing import Any, get_args

from pydantic import BaseModel

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.repo.positions import Loc
from emskit.rule import ERROR, Rule

RULE = Rule("EMS203", "future-date", ERROR, ("7.5.3",), __doc__ or "")
# Fields that record that something happened, as opposed to being planned.
_HAPPENED = frozenset(
    {
        "date",
        "end",
        "raised",
        "closed_on",
        "done_on",
        "approved_on",
        "checked_on",
        "responded_on",
        "calibrated_on",
        "reviewed",
        "received_on",
    }
)
_KINDS = frozenset(
    {
        "aspect",
        "policy",
        "document",
        "equipment",
        "training",
        "communication",
        "drill",
        "evaluation",
        "audit",
        "review",
        "nonconformity",
        "incident",
        "objective",
        "inspection",
        "waste-transfer",
        "monitoring-report",
    }
)


def check(ctx: Analysis) -> Iterator[Finding]:
    # After today nothing can have happened; with a past as-of date what lies between it and
    # today is left out as not yet existing (EMS204), not an error.
    as_of = ctx.latest_possible
    after = f"today {as_of}" if ctx.today is not None else f"the as-of date {as_of}"
    readings = ctx.repo.readings
    # The latest date found at C speed first: readings are rarely after it.
    late = bool(readings) and max(map(attrgetter("date"), readings)) > as_of
    for reading in readings if late else ():
        if reading.date > as_of:
            yield RULE.at(
                reading.file,
                (),
                f"reading of {reading.indicator} dated {reading.date}, after {after}",
                line=reading.line,
                column=1,
            )
    for record in ctx.repo.records:
        if record.kind in _KINDS:
            for loc, day in _happened(record.model, record.loc):
                if day > as_of:
                    yield RULE.at(
                        record.file,
                        loc,
                        f"{record.kind} {record.id}: {loc[-1]} {day} is after {after}",
                        ids=(record.id,),
                    )


def _happened(model: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    model_type: type[BaseModel] = type(model)
    for name in _fields_to_visit(model_type):
        value = getattr(model, name)
        if name in _HAPPENED and value is not None and hasattr(value, "year"):
            yield (*loc, name), value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _happened(item, (*loc, name, index))
        elif isinstance(value, BaseModel):
            yield from _happened(value, (*loc, name))


@cache
def _fields_to_visit(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields that can hold a date of something done or a nested model: most fields of
    most records are text and ids, and skipping them is most of this rule's time."""
    return tuple(
        name
        for name, info in model.model_fields.items()
        if name in _HAPPENED or _may_hold_model(info.annotation)
    )


def _may_hold_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_model(arg) for arg in get_args(annotation))
