"""A record does not cite a record dated after it.

A management review cannot have considered an audit that ended later; a nonconformity cannot
have been raised from an audit, evaluation, incident or drill that had not happened yet.

Passes::

    # records/reviews/MR-2026-01.yaml
    {id: MR-2026-01, date: 2026-06-05, audits: [AUD-2026-01], ...}   # audit ended 2026-05-15

Fails::

    {id: MR-2026-01, date: 2026-05-01, audits: [AUD-2026-01], ...}
"""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from emskit.analysis import Analysis, audit_last_day
from emskit.finding import Finding
from emskit.rule import ERROR, Rule

RULE = Rule("EMS202", "cites-later-record", ERROR, ("9.3", "10.2"), __doc__ or "")
_DATED = ("audit", "evaluation", "incident", "drill", "communication", "review")


def check(ctx: Analysis) -> Iterator[Finding]:
    by_id = ctx.index.by_id
    for ref in ctx.index.references:
        source = ref.source
        if source is None or source.kind not in ("review", "nonconformity"):
            continue
        own = source.model.date if source.kind == "review" else source.model.raised
        for target in by_id.get(ref.value, ()):
            when = _date_of(target.kind, target.model)
            if when is not None and when > own:
                verb = "held" if source.kind == "review" else "raised"
                yield RULE.at(
                    ref.file,
                    ref.loc,
                    f"{source.kind} {source.id} was {verb} on {own} but cites {target.kind} "
                    f"{target.id} of {when}",
                    ids=(source.id,),
                )


def _date_of(kind: str, model: Any) -> dt.date | None:
    if kind not in _DATED:
        return None
    if kind == "audit":
        return audit_last_day(model)
    return model.date  # type: ignore[no-any-return]
