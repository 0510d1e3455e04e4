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

from pydantic import BaseModel

from emskit.analysis import Analysis, audit_last_day
from emskit.finding import Finding
from emskit.model.evaluation import Audit, Evaluation, Review
from emskit.model.improvement import Incident
from emskit.model.operation import Drill
from emskit.model.support import Communication
from emskit.rule import ERROR, Rule

RULE = Rule("EMS202", "cites-later-record", ERROR, ("9.3", "10.2"), __doc__ or "")
# The records dated by the day they happened (an audit by its last day).
_DATED = (Evaluation, Incident, Drill, Communication, Review)


def check(ctx: Analysis) -> Iterator[Finding]:
    by_id = ctx.index.by_id
    for ref in ctx.index.references:
        source = ref.source
        if source is None or source.kind not in ("review", "nonconformity"):
            continue
        own = source.model.date if source.kind == "review" else source.model.raised
        for target in by_id.get(ref.value, ()):
            when = _date_of(target.model)
            if when is not None and when > own:
                verb = "held" if source.kind == "review" else "raised"
                yield RULE.at(
                    ref.file,
                    ref.loc,
                    f"{source.kind} {source.id} was {verb} on {own} but cites {target.kind} "
                    f"{target.id} of {when}",
                    ids=(source.id,),
                )


def _date_of(model: BaseModel) -> dt.date | None:
    if isinstance(model, Audit):
        return audit_last_day(model)
    if isinstance(model, _DATED):
        return model.date
    return None
