"""A nonconformity is closed only after its effectiveness was checked and its actions done.

10.2 asks the organisation to review the effectiveness of the corrective action taken: a
nonconformity closed before that check (or with no check, or found not effective), or with a
corrective action not done by the closure date, was closed early. An auditor reopens it.

Passes::

    {id: NC-2026-004, raised: 2026-10-14, status: closed, closed_on: 2026-11-25,
     corrective_actions: [{what: Train a second operator, done_on: 2026-11-10}],
     effectiveness: {checked_on: 2026-11-25, effective: true}}

Fails::

    {id: NC-2026-004, raised: 2026-10-14, status: closed, closed_on: 2026-11-20,
     corrective_actions: [{what: Train a second operator, done_on: 2026-11-10}],
     effectiveness: {checked_on: 2026-11-25, effective: true}}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.nonconformities import closed_early
from emskit.rule import ERROR, Rule

RULE = Rule("EMS340", "nonconformity-closed-early", ERROR, ("10.2",), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    records = {r.id: r for r in ctx.records("nonconformity")}
    for shortfall in closed_early(ctx):
        record = records[shortfall.ids[0]]
        where = "closed_on" if record.model.closed_on else "status"
        yield RULE.at(record.file, (*record.loc, where), shortfall.reason, ids=shortfall.ids)
