"""The hazardous waste ledger: streams, every transfer with its manifest, and the licensed
contractors with their licences and contracts (CN: 危险废物管理台账)."""

from __future__ import annotations

from emskit.calendar.site_records import last_transfers
from emskit.documents.columns import Column, derived, register
from emskit.documents.content import Document, Heading
from emskit.documents.context import PackContext
from emskit.model.waste import DEFAULT_STORAGE_LIMIT, Contractor, WasteStream, WasteTransfer
from emskit.repo.repository import Record


def waste_ledger(ctx: PackContext) -> Document:
    L, last = ctx.labels, last_transfers(ctx.repo, ctx.as_of)

    def storage_limit(record: Record) -> str:
        limit = record.model.storage_limit or (
            DEFAULT_STORAGE_LIMIT if record.model.hazardous else ""
        )
        return L.period(limit)

    def last_transfer(record: Record) -> str:
        day = last.get(record.id)
        return day.isoformat() if day is not None else ""

    streams, streams_count = register(
        ctx,
        "waste-stream",
        WasteStream,
        "Waste streams",
        replace={"storage_limit": (Column("storage_limit", L("storage-limit"), storage_limit),)},
        extra=(derived(ctx, "last-transfer", last_transfer),),
    )
    transfers, transfers_count = register(ctx, "waste-transfer", WasteTransfer, "Waste transfers")
    contractors, contractors_count = register(ctx, "contractor", Contractor, "Waste contractors")
    return Document("waste-ledger", L("waste-ledger")).add(
        Heading(L("waste-streams"), 3),
        streams,
        streams_count,
        Heading(L("transfers"), 3),
        transfers,
        transfers_count,
        Heading(L("contractors"), 3),
        contractors,
        contractors_count,
    )
