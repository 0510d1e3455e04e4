"""Nothing has happened after the as-of date.

Readings, audits, reviews, evaluations, trainings, drills, incidents, communications and
the dates on which things were done, closed, approved or calibrated cannot lie in the future
of the as-of date (``--as-of``, default today). Planned dates (due, target) may.

Passes (as of 2026-11-22)::

    2026-10-31,IND-VOC,1.02,SITE-MAIN,

Fails (as of 2026-11-22)::

    2026-12-31,IND-VOC,1.02,SITE-MAIN,
"""

from collections.abc import Iterator
from typing import Any

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
    }
)


def check(ctx: Analysis) -> Iterator[Finding]:
    as_of = ctx.as_of
    for reading in ctx.repo.readings:
        if reading.date > as_of:
            yield RULE.at(
                reading.file,
                (),
                f"reading of {reading.indicator} dated "
                f"{reading.date}, after the as-of date {as_of}",
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
                        f"{record.kind} {record.id}: {loc[-1]} {day} "
                        f"is after the as-of date {as_of}",
                        ids=(record.id,),
                    )


def _happened(model: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in _HAPPENED and value is not None and hasattr(value, "year"):
            yield (*loc, name), value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _happened(item, (*loc, name, index))
        elif isinstance(value, BaseModel):
            yield from _happened(value, (*loc, name))
