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

import datetime as dt
from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.calendar.periods import add
from emskit.finding import Finding
from emskit.model.waste import DEFAULT_STORAGE_LIMIT as DEFAULT_LIMIT
from emskit.model.waste import WasteStream, WasteTransfer
from emskit.rule import WARNING, Rule

RULE = Rule("EMS608", "waste-stored-too-long", WARNING, ("8.1", "6.1.3"), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    last: dict[str, dt.date] = {}
    for transfer in ctx.records("waste-transfer", WasteTransfer):
        day = transfer.model.date
        if day <= ctx.as_of and day > last.get(transfer.model.stream, dt.date.min):
            last[transfer.model.stream] = day
    config = ctx.repo.config
    live = config.ems.operating_since if config else None
    for record in ctx.records("waste-stream", WasteStream):
        stream = record.model
        if not stream.hazardous:
            continue
        since = last.get(record.id) or live
        limit = stream.storage_limit or DEFAULT_LIMIT
        if since is None or add(since, limit) >= ctx.as_of:
            continue
        what = (
            "last transferred" if record.id in last else "not transferred since the EMS went live"
        )
        yield RULE.at(
            record.file,
            (*record.loc, "storage_limit") if stream.storage_limit else record.loc,
            f"hazardous waste stream {record.id} was {what} on {since}: stored longer than its "
            f"limit of {limit}; transfer it to the contractor",
            ids=(record.id,),
        )
