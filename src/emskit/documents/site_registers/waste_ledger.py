"""The hazardous waste ledger: streams, every transfer with its manifest, and the licensed
contractors with their licences and contracts (CN: 危险废物管理台账)."""

from __future__ import annotations

from emskit.calendar.site_records import last_transfers
from emskit.documents.content import Document, Heading, Table
from emskit.documents.context import PackContext
from emskit.model.waste import DEFAULT_STORAGE_LIMIT


def _day(day: object) -> str:
    return day.isoformat() if hasattr(day, "isoformat") else ""


def _amount(quantity: object) -> str:
    value, unit = getattr(quantity, "value", None), getattr(quantity, "unit", "")
    return f"{value:g} {unit}" if value is not None else ""


def _streams(ctx: PackContext) -> Table:
    L, last = ctx.labels, last_transfers(ctx.repo, ctx.as_of)
    rows = tuple(
        (
            r.id,
            ctx.text(r.model.name),
            r.model.code or "",
            L.yes_no(r.model.hazardous),
            ctx.text(r.model.store),
            r.model.storage_limit or (DEFAULT_STORAGE_LIMIT if r.model.hazardous else ""),
            r.model.contractor or "",
            _amount(r.model.annual_estimate),
            _day(last.get(r.id)),
        )
        for r in ctx.records("waste-stream")
    )
    headers: tuple[str, ...] = (L("id"), L("name"), L("waste-code"), L("hazardous"), L("store"))
    headers += (L("storage-limit"), L("contractor"), L("annual-estimate"), L("last-transfer"))
    return Table(headers, rows, sheet="Waste streams")


def _transfers(ctx: PackContext) -> Table:
    L = ctx.labels
    transfers = sorted(ctx.records("waste-transfer"), key=lambda r: (r.model.date, r.id))
    rows = tuple(
        (
            r.id,
            _day(r.model.date),
            r.model.stream,
            _amount(r.model.quantity),
            r.model.contractor,
            r.model.manifest or "",
            _day(r.model.received_on),
            ", ".join(r.model.evidence),
        )
        for r in transfers
    )
    headers: tuple[str, ...] = (L("id"), L("date"), L("stream"), L("quantity"), L("contractor"))
    headers += (L("manifest"), L("received-on"), L("evidence"))
    return Table(headers, rows, sheet="Waste transfers")


def _contractors(ctx: PackContext) -> Table:
    L = ctx.labels
    rows = []
    for r in ctx.records("contractor"):
        licence, contract = r.model.licence, r.model.contract
        rows.append(
            (
                r.id,
                ctx.text(r.model.name),
                licence.number if licence else "",
                ", ".join(licence.categories) if licence else "",
                _day(licence.expires) if licence else "",
                _day(contract.signed) if contract else "",
                _day(contract.expires) if contract else "",
                ", ".join(
                    (licence.evidence if licence else []) + (contract.evidence if contract else [])
                ),
            )
        )
    headers: tuple[str, ...] = (
        L("id"),
        L("name"),
        L("licence-number"),
        L("categories"),
        L("licence-expires"),
    )
    headers += (L("contract-signed"), L("contract-expires"), L("evidence"))
    return Table(headers, tuple(rows), sheet="Waste contractors")


def waste_ledger(ctx: PackContext) -> Document:
    L = ctx.labels
    return Document("waste-ledger", L("waste-ledger")).add(
        Heading(L("waste-streams"), 3),
        _streams(ctx),
        Heading(L("transfers"), 3),
        _transfers(ctx),
        Heading(L("contractors"), 3),
        _contractors(ctx),
    )
