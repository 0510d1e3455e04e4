"""The repository as it stood on a past as-of date: what had not happened yet is left out.

``emskit check|gap|ready --as-of 2026-01-10`` run on 3 March asks what an auditor would have
found on 10 January. A record dated after the as-of date (an audit, an incident, a reading, a
nonconformity raised) did not exist then: it is left out, in every command alike, and check
says how many in one info line (EMS204). A nonconformity raised before is seen as it stood:
actions done, effectiveness checked and closure after the as-of date had not happened yet.

A record dated after the real today is another matter: it cannot have happened at all, and
stays in for check to report as an error (EMS203).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, NamedTuple

from emskit.model.improvement import Nonconformity
from emskit.repo.repository import Record, Repository


class LeftOut(NamedTuple):
    records: int  # records and readings left out
    latest: dt.date | None
    ids: frozenset[str] = frozenset()  # the records' ids: a reference to one is not dangling


NOTHING_LEFT_OUT = LeftOut(0, None)


def record_date(model: Any) -> dt.date | None:
    """The day a record came into existence: its ``date`` (or a nonconformity's ``raised``)."""
    kind = type(model)
    names = _DATED_BY.get(kind)
    if names is None:
        names = _DATED_BY[kind] = _dated_by(kind)
    for name in names:
        value = getattr(model, name)
        if isinstance(value, dt.date):
            return value
    return None


# The fields of each model class that can date it, read once per class.
_DATED_BY: dict[type, tuple[str, ...]] = {}


def _dated_by(model: type) -> tuple[str, ...]:
    """The fields of a model that can date it: asking a model for a field it lacks raises and
    catches an AttributeError, which costs more than the answer on the 20,000 records of a
    large repository."""
    fields = getattr(model, "model_fields", {})
    return tuple(name for name in ("date", "raised") if name in fields)


def as_it_stood(repo: Repository, as_of: dt.date, today: dt.date) -> tuple[Repository, LeftOut]:
    """``repo`` without what is dated after ``as_of`` and up to ``today``, nonconformities as
    they stood on ``as_of``; and how many records and readings were left out."""
    if as_of >= today:
        return repo, NOTHING_LEFT_OUT
    later: list[dt.date] = []

    def not_yet(day: dt.date | None) -> bool:
        if day is not None and as_of < day <= today:
            later.append(day)
            return True
        return False

    records, ids = [], set()
    for record in repo.records:
        if not_yet(record_date(record.model)):
            ids.add(record.id)
        else:
            records.append(_as_it_stood(record, as_of))
    # Some 100,000 readings: compared inline, and the few later ones gathered only if any.
    readings = [r for r in repo.readings if not as_of < r.date <= today]
    if len(readings) < len(repo.readings):
        later += [r.date for r in repo.readings if as_of < r.date <= today]
    if not later:
        return repo, NOTHING_LEFT_OUT
    view = dataclasses.replace(repo, records=records, readings=readings)
    return view, LeftOut(len(later), max(later), frozenset(ids))


def _as_it_stood(record: Record, as_of: dt.date) -> Record:
    model = record.model
    if not isinstance(model, Nonconformity):
        return record
    update: dict[str, Any] = {}
    actions = [
        a.model_copy(update={"done_on": None}) if a.done_on and a.done_on > as_of else a
        for a in model.corrective_actions
    ]
    if actions != model.corrective_actions:
        update["corrective_actions"] = actions
    if model.effectiveness and model.effectiveness.checked_on > as_of:
        update["effectiveness"] = None
    if model.closed_on and model.closed_on > as_of:
        update.update(status="open", closed_on=None)
    if not update:
        return record
    return dataclasses.replace(record, model=model.model_copy(update=update))


__all__ = ["NOTHING_LEFT_OUT", "LeftOut", "as_it_stood", "record_date"]
