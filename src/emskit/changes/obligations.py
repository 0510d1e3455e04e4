"""Compliance obligations between two revisions: added, removed, expired (or renewed) as of
the date, and those whose latest compliance evaluation result changed (9.1.2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from emskit.model.common import text_in
from emskit.repo.repository import Repository

ADDED, REMOVED, EXPIRED, RENEWED, EVALUATION = (
    "added",
    "removed",
    "expired",
    "renewed",
    "evaluation",
)


@dataclass(frozen=True)
class ObligationChange:
    id: str
    change: str  # added | removed | expired | renewed | evaluation
    detail: str


def obligation_changes(
    before: Repository, after: Repository, as_of: dt.date
) -> list[ObligationChange]:
    old = {r.id: r.model for r in before.of_kind("obligation")}
    new = {r.id: r.model for r in after.of_kind("obligation")}
    out = [ObligationChange(i, ADDED, _title(new[i])) for i in sorted(new.keys() - old.keys())]
    out += [ObligationChange(i, REMOVED, _title(old[i])) for i in sorted(old.keys() - new.keys())]
    for oid in sorted(old.keys() & new.keys()):
        was, now = _expired(old[oid], as_of), _expired(new[oid], as_of)
        if now and not was:
            out.append(ObligationChange(oid, EXPIRED, f"expired on {new[oid].expires}"))
        elif was and not now:
            out.append(ObligationChange(oid, RENEWED, _valid_until(new[oid])))
    out += _evaluation_changes(before, after)
    return sorted(out, key=lambda c: (c.id, c.change))


def _expired(obligation: Any, as_of: dt.date) -> bool:
    return obligation.expires is not None and obligation.expires < as_of


def _valid_until(obligation: Any) -> str:
    return f"valid until {obligation.expires}" if obligation.expires else "no expiry any more"


def _title(obligation: Any) -> str:
    return text_in(obligation.title, "en")


def latest_results(repo: Repository) -> dict[str, tuple[str, str]]:
    """Obligation id -> (result, evaluation id) of its latest compliance evaluation."""
    out: dict[str, tuple[dt.date, str, str]] = {}
    for record in repo.of_kind("evaluation"):
        for result in record.model.results:
            seen = out.get(result.obligation)
            key = (record.model.date, record.id)
            if seen is None or key >= (seen[0], seen[2]):
                out[result.obligation] = (record.model.date, result.result, record.id)
    return {oid: (result, eid) for oid, (_, result, eid) in out.items()}


def _evaluation_changes(before: Repository, after: Repository) -> list[ObligationChange]:
    old, new = latest_results(before), latest_results(after)
    out = []
    for oid in sorted(old.keys() | new.keys()):
        was, now = old.get(oid), new.get(oid)
        if now is None or (was is not None and was[0] == now[0]):
            continue
        before_text = was[0] if was else "not evaluated"
        out.append(ObligationChange(oid, EVALUATION, f"{before_text} -> {now[0]} ({now[1]})"))
    return out
