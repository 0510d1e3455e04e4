"""An incident that harmed or could have harmed the environment leads to a nonconformity.

A spill, a release, an exceedance, a pollution event or a fire, an incident that ended in a
penalty, or one that breached a control's operating criteria (``controls: [CTL-005]``) is
investigated as a nonconformity (8.1, 10.2). The link counts from either side: the incident's
``nonconformity`` or a nonconformity whose ``source_ref`` names the incident.

Passes::

    # records/incidents/INC-2026-001.yaml
    {id: INC-2026-001, date: 2026-02-17, type: spill, description: Oil leak,
     nonconformity: NC-2026-005}

Fails::

    # records/incidents/INC-2026-001.yaml, and no nonconformity's source_ref is INC-2026-001
    {id: INC-2026-001, date: 2026-02-17, type: spill, description: Oil leak}
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.incidents import unraised_incidents
from emskit.rule import WARNING, Rule

RULE = Rule("EMS341", "incident-without-nonconformity", WARNING, ("8.1", "10.2"), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    records = {r.id: r for r in ctx.records("incident")}
    for shortfall in unraised_incidents(ctx):
        record = records[shortfall.ids[0]]
        yield RULE.at(record.file, (*record.loc, "type"), shortfall.reason, ids=shortfall.ids)
