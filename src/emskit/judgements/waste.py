"""8.1 hazardous waste: does each hazardous stream go to a contractor licensed for its
category, under a valid licence and contract, with a manifest for every transfer, and is no
batch stored past its limit?

Check asks each question of one record (EMS604-EMS608, at that record's line); readiness
(hazardous-waste) asks them of every hazardous stream and adds what only the as-of date
decides: the licence and the contract valid today.
"""

from __future__ import annotations

import datetime as dt

from emskit.analysis import Analysis
from emskit.calendar.periods import add
from emskit.judgements.shortfall import Shortfall
from emskit.model.waste import DEFAULT_STORAGE_LIMIT, Contractor, WasteStream, WasteTransfer
from emskit.repo.repository import Record
from emskit.words import say


def hazardous_streams(ctx: Analysis) -> list[Record[WasteStream]]:
    return [s for s in ctx.records("waste-stream", WasteStream) if s.model.hazardous]


def contractors(ctx: Analysis) -> dict[str, Contractor]:
    return {r.id: r.model for r in ctx.records("contractor", Contractor)}


def _transfers(ctx: Analysis) -> list[Record[WasteTransfer]]:
    return [t for t in ctx.records("waste-transfer", WasteTransfer) if t.model.date <= ctx.as_of]


def without_contractor(stream: Record[WasteStream]) -> Shortfall | None:
    """A hazardous stream that names no licensed receiver (EMS604)."""
    if not stream.model.hazardous or stream.model.contractor:
        return None
    return Shortfall((stream.id,), say("waste.no-contractor", stream=stream.id))


def licence_not_covering(
    stream: Record[WasteStream], known: dict[str, Contractor]
) -> Shortfall | None:
    """A hazardous stream whose contractor holds no licence, or one without the stream's
    category (EMS605). A contractor that does not exist is a dangling reference (EMS104)."""
    model = stream.model
    contractor = known.get(model.contractor or "")
    if not model.hazardous or contractor is None:
        return None
    ids = (stream.id, model.contractor or "")
    if contractor.licence is None:
        return Shortfall(ids, say("waste.no-licence", stream=stream.id, contractor=ids[1]))
    covered = {c.strip().upper() for c in contractor.licence.categories}
    if model.category and model.category not in covered:
        return Shortfall(
            ids,
            say(
                "waste.category-not-covered",
                stream=stream.id,
                category=model.category,
                contractor=ids[1],
                covers=", ".join(contractor.licence.categories) or say("waste.no-category"),
            ),
        )
    return None


def transfer_unlicensed(
    transfer: Record[WasteTransfer], known: dict[str, Contractor]
) -> list[Shortfall]:
    """A transfer made while the contractor's licence or contract was not valid (EMS606)."""
    contractor = known.get(transfer.model.contractor)
    if contractor is None:
        return []
    day, ids = transfer.model.date, (transfer.id, transfer.model.contractor)
    licence, contract = contractor.licence, contractor.contract
    problems = []
    if licence is not None and licence.expires is not None and licence.expires < day:
        problems.append(say("waste.licence-expired-on", date=licence.expires))
    if contract is not None and contract.expires is not None and contract.expires < day:
        problems.append(say("waste.contract-expired-on", date=contract.expires))
    if contract is not None and contract.signed is not None and day < contract.signed:
        problems.append(say("waste.contract-signed-on", date=contract.signed))
    return [
        Shortfall(
            ids,
            say(
                "waste.transfer-invalid",
                transfer=transfer.id,
                date=day,
                contractor=ids[1],
                problem=problem,
            ),
        )
        for problem in problems
    ]


def without_manifest(transfer: Record[WasteTransfer]) -> Shortfall | None:
    """A transfer that gives no manifest number (EMS607)."""
    if (transfer.model.manifest or "").strip():
        return None
    return Shortfall((transfer.id,), say("waste.no-manifest", transfer=transfer.id))


def last_transfers(ctx: Analysis) -> dict[str, dt.date]:
    last: dict[str, dt.date] = {}
    for transfer in _transfers(ctx):
        day = transfer.model.date
        if day > last.get(transfer.model.stream, dt.date.min):
            last[transfer.model.stream] = day
    return last


def stored_too_long(
    ctx: Analysis, stream: Record[WasteStream], last: dict[str, dt.date]
) -> Shortfall | None:
    """A hazardous stream not transferred within its storage limit (EMS608): counted from its
    last transfer, or from the EMS start when it has none."""
    if not stream.model.hazardous:
        return None
    config = ctx.repo.config
    since = last.get(stream.id) or (config.ems.operating_since if config else None)
    limit = stream.model.storage_limit or DEFAULT_STORAGE_LIMIT
    if since is None or add(since, limit) >= ctx.as_of:
        return None
    key = "waste.stored-too-long" if stream.id in last else "waste.never-transferred"
    return Shortfall((stream.id,), say(key, stream=stream.id, since=since, limit=limit))


def _valid_today(
    ctx: Analysis, stream: Record[WasteStream], known: dict[str, Contractor]
) -> list[Shortfall]:
    """The contractor's licence and contract on the as-of date."""
    contractor = known.get(stream.model.contractor or "")
    if contractor is None:
        return []
    ids = (stream.id, stream.model.contractor or "")
    out = []
    licence, contract = contractor.licence, contractor.contract
    if licence is not None and licence.expires is not None and licence.expires < ctx.as_of:
        out.append(
            Shortfall(
                ids,
                say(
                    "waste.licence-expired",
                    stream=stream.id,
                    contractor=ids[1],
                    number=licence.number,
                    date=licence.expires,
                ),
            )
        )
    if contract is None:
        out.append(Shortfall(ids, say("waste.no-contract", stream=stream.id, contractor=ids[1])))
    elif (contract.expires is not None and contract.expires < ctx.as_of) or (
        contract.signed is not None and contract.signed > ctx.as_of
    ):
        out.append(
            Shortfall(
                ids,
                say(
                    "waste.contract-invalid",
                    stream=stream.id,
                    contractor=ids[1],
                    signed=contract.signed or "-",
                    expires=contract.expires or "-",
                    as_of=ctx.as_of,
                ),
            )
        )
    return out


def hazardous_waste(ctx: Analysis) -> list[Shortfall]:
    """Every question of this module, asked of every hazardous stream and its transfers."""
    known, last = contractors(ctx), last_transfers(ctx)
    streams = hazardous_streams(ctx)
    out: list[Shortfall] = []
    for stream in streams:
        for shortfall in (
            without_contractor(stream),
            licence_not_covering(stream, known),
            stored_too_long(ctx, stream, last),
        ):
            if shortfall is not None:
                out.append(shortfall)
        out += _valid_today(ctx, stream, known)
    hazardous = {s.id for s in streams}
    for transfer in _transfers(ctx):
        if transfer.model.stream in hazardous:
            out += transfer_unlicensed(transfer, known)
            missing = without_manifest(transfer)
            if missing is not None:
                out.append(missing)
    return out
