"""10.2: does each nonconformity go correction, cause, actions, effectiveness, closure, in
that order?

An auditor reads a nonconformity as a sequence: it is raised, corrected, its root cause found,
corrective actions taken (each done on a date), their effectiveness checked after the last
of them was done, and only then closed. Closing it before the effectiveness check, or with an
action still open, is closing it early (check EMS340, readiness open-nonconformities); an
effectiveness check before the actions it judges were done is out of order (gap 10.2).
"""

from __future__ import annotations

import datetime as dt

from emskit.analysis import Analysis
from emskit.judgements.shortfall import Shortfall
from emskit.listing import listing
from emskit.model.improvement import Nonconformity
from emskit.repo.repository import Record
from emskit.words import say


def _raised(ctx: Analysis) -> list[Record[Nonconformity]]:
    return sorted(
        (n for n in ctx.records("nonconformity", Nonconformity) if n.model.raised <= ctx.as_of),
        key=lambda n: n.id,
    )


def _actions_open(model: Nonconformity) -> list[str]:
    return [
        action.id or str(index + 1)
        for index, action in enumerate(model.corrective_actions)
        if action.done_on is None
    ]


def _last_done(model: Nonconformity) -> dt.date | None:
    return max((a.done_on for a in model.corrective_actions if a.done_on), default=None)


def closed_early(ctx: Analysis) -> list[Shortfall]:
    """Closed nonconformities closed before their effectiveness was checked (or never
    checked, or found not effective), or with a corrective action not done by the closure."""
    out = []
    for nc in _raised(ctx):
        model = nc.model
        if model.status != "closed":
            continue
        closed = model.closed_on
        check = model.effectiveness
        values = {"id": nc.id, "closed": closed or say("nc.no-closure-date")}
        if check is None:
            out.append(Shortfall((nc.id,), say("nc.closed-unchecked", **values)))
        elif closed is not None and check.checked_on > closed:
            reason = say("nc.closed-before-check", checked=check.checked_on, **values)
            out.append(Shortfall((nc.id,), reason))
        elif not check.effective:
            reason = say("nc.closed-not-effective", checked=check.checked_on, **values)
            out.append(Shortfall((nc.id,), reason))
        still_open = _actions_open(model)
        late = [
            a.id or str(i + 1)
            for i, a in enumerate(model.corrective_actions)
            if a.done_on and closed and a.done_on > closed
        ]
        if still_open or late:
            reason = say("nc.closed-actions-open", actions=listing(still_open + late), **values)
            out.append(Shortfall((nc.id,), reason))
    return out


def out_of_order(ctx: Analysis) -> list[Shortfall]:
    """An effectiveness check before the last corrective action was done, or while one is
    still open (a missing root cause or action is asked by gap 10.2 itself)."""
    out = []
    for nc in _raised(ctx):
        model = nc.model
        check = model.effectiveness
        if check is None or not model.corrective_actions:
            continue
        last = _last_done(model)
        if last is not None and check.checked_on < last:
            reason = say("nc.checked-before-actions", id=nc.id, checked=check.checked_on, done=last)
            out.append(Shortfall((nc.id,), reason))
        elif _actions_open(model) and model.status != "closed":
            reason = say(
                "nc.checked-actions-open",
                id=nc.id,
                checked=check.checked_on,
                actions=listing(_actions_open(model)),
            )
            out.append(Shortfall((nc.id,), reason))
    return out


__all__ = ["closed_early", "out_of_order"]
