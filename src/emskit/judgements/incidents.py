"""8.1, 8.2 and the CN rules: what incidents, penalties and authority inspections say.

Readiness (no-pollution-incident, no-failed-inspection), gap (8.1) and check (EMS341) ask
these questions here:

- a pollution incident or an administrative penalty (decided on an incident or an inspection)
  in the 12 months before the as-of date blocks a certification application;
- a failed authority inspection in that window needs its action (a nonconformity) closed;
- an incident that harmed or could have harmed the environment (a spill, a release, an
  exceedance, a pollution event, a fire, anything penalised) or that breached a control's
  operating criteria leads to a nonconformity: the incident's ``nonconformity`` names it, or a
  nonconformity's ``source_ref`` names the incident (either side of the link counts).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from emskit.analysis import Analysis
from emskit.judgements.shortfall import Shortfall
from emskit.judgements.window import in_window, window_words
from emskit.listing import listing
from emskit.model.external_checks import Inspection
from emskit.model.improvement import Incident, Nonconformity
from emskit.repo.repository import Record
from emskit.vocabulary import WARN
from emskit.words import say

# The incident types that an auditor expects to see raised as a nonconformity.
NEEDS_NONCONFORMITY = ("spill", "release", "exceedance", "pollution", "fire")


def dated_incidents(ctx: Analysis) -> list[Record[Incident]]:
    return sorted(
        (i for i in ctx.records("incident", Incident) if i.model.date <= ctx.as_of),
        key=lambda i: (i.model.date, i.id),
    )


def recent_inspections(ctx: Analysis) -> list[Record[Inspection]]:
    """Authority inspections in the 12 months before the as-of date, oldest first."""
    return sorted(
        (i for i in ctx.records("inspection", Inspection) if in_window(i.model.date, ctx.as_of)),
        key=lambda i: (i.model.date, i.id),
    )


def pollution_and_penalties(ctx: Analysis) -> list[Shortfall]:
    """Pollution incidents and administrative penalties (on incidents or inspections) in the
    12 months before the as-of date, each named with its date."""
    window = window_words(ctx.as_of)
    out = []
    for incident in dated_incidents(ctx):
        model = incident.model
        if not in_window(model.date, ctx.as_of):
            continue
        if model.pollution:
            reason = say("incident.pollution", id=incident.id, date=model.date, window=window)
            out.append(Shortfall((incident.id,), reason))
        if model.penalty:
            reason = say("incident.penalty", id=incident.id, date=model.date, window=window)
            out.append(Shortfall((incident.id,), reason))
    for inspection in recent_inspections(ctx):
        if inspection.model.penalty:
            reason = say(
                "inspection.penalty", id=inspection.id, date=inspection.model.date, window=window
            )
            out.append(Shortfall((inspection.id,), reason))
    return out


def failed_inspections(ctx: Analysis) -> list[Shortfall]:
    """Failed authority inspections in the window: a failure whose action (a nonconformity)
    is not closed fails; one corrected and closed is still noted (the certification body
    asks about it)."""
    closed = _closed_on(ctx)
    window = window_words(ctx.as_of)
    out = []
    for inspection in recent_inspections(ctx):
        model = inspection.model
        if model.result != "failed":
            continue
        action = model.action
        values = {"id": inspection.id, "date": model.date, "window": window, "action": action}
        if action is None:
            out.append(Shortfall((inspection.id,), say("inspection.failed-no-action", **values)))
        elif action not in closed:
            out.append(Shortfall((inspection.id, action), say("inspection.failed-open", **values)))
        else:
            reason = say("inspection.failed-closed", closed=closed[action], **values)
            out.append(Shortfall((inspection.id, action), reason, WARN))
    return out


def needs_nonconformity(incident: Incident) -> bool:
    """An incident an auditor expects raised as a nonconformity."""
    return (
        incident.type in NEEDS_NONCONFORMITY
        or incident.pollution
        or incident.penalty
        or bool(incident.controls)
    )


def naming_nonconformities(ctx: Analysis) -> dict[str, list[Record[Nonconformity]]]:
    """Incident id -> the nonconformities linked to it, from either side: the incident's
    ``nonconformity`` or a nonconformity whose ``source_ref`` is the incident."""
    by_id = {n.id: n for n in ctx.records("nonconformity", Nonconformity)}
    out: dict[str, list[Record[Nonconformity]]] = defaultdict(list)
    for nc in by_id.values():
        if nc.model.source_ref:
            out[nc.model.source_ref].append(nc)
    for incident in ctx.records("incident", Incident):
        named = by_id.get(incident.model.nonconformity or "")
        if named is not None and named not in out[incident.id]:
            out[incident.id].append(named)
    return out


def unraised_incidents(ctx: Analysis) -> list[Shortfall]:
    """Incidents that need a nonconformity and have none naming them (8.1, 10.2)."""
    linked = naming_nonconformities(ctx)
    out = []
    for incident in dated_incidents(ctx):
        model = incident.model
        if not needs_nonconformity(model) or linked.get(incident.id):
            continue
        values = {"id": incident.id, "date": model.date, "type": say(f"term.{model.type}")}
        reason = (
            say("incident.breach-unraised", controls=listing(model.controls), **values)
            if model.controls
            else say("incident.unraised", **values)
        )
        out.append(Shortfall((incident.id, *model.controls), reason))
    return out


def _closed_on(ctx: Analysis) -> dict[str, dt.date]:
    """Nonconformity id -> its closure date, for those closed by the as-of date."""
    return {
        n.id: n.model.closed_on or n.model.raised
        for n in ctx.records("nonconformity", Nonconformity)
        if n.model.status == "closed" and (n.model.closed_on or n.model.raised) <= ctx.as_of
    }


__all__ = [
    "NEEDS_NONCONFORMITY",
    "dated_incidents",
    "failed_inspections",
    "naming_nonconformities",
    "needs_nonconformity",
    "pollution_and_penalties",
    "recent_inspections",
    "unraised_incidents",
]
