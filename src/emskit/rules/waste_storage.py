"""A hazardous waste batch is not stored longer than its stream's storage limit.

A hazardous stream's ``storage_limit`` (P1Y when not given) runs from its last transfer; a
stream never transferred counts from ``ems.operating_since``. Past the limit on the as-of
date, the waste has been stored too long (CN: at most one year in the store).

Passes::

    streams:
      - {id: WST-001, name: Waste oil, hazardous: true, storage_limit: P6M, contractor: CON-001}
    # records/waste-transfers/WT-1.yaml: {id: WT-1, date: 2026-09-10, stream: WST-001, ...}
    # checked as of 2026-11-22

Fails::

    # the same stream whose last transfer was on 2026-03-02, checked as of 2026-11-22
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.waste import last_transfers, stored_too_long
from emskit.model.waste import WasteStream
from emskit.rule import WARNING, Rule

RULE = Rule("EMS608", "waste-stored-too-long", WARNING, ("8.1", "6.1.3"), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    last = last_transfers(ctx)
    for record in ctx.records("waste-stream", WasteStream):
        shortfall = stored_too_long(ctx, record, last)
        if shortfall is not None:
            where = (*record.loc, "storage_limit") if record.model.storage_limit else record.loc
            yield RULE.at(record.file, where, shortfall.reason, ids=shortfall.ids)
