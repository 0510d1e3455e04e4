"""The chemicals register with each chemical's safety data sheet (CN: 化学品及MSDS清单)."""

from __future__ import annotations

from emskit.documents.content import Document, Table
from emskit.documents.context import PackContext


def _day(day: object) -> str:
    return day.isoformat() if hasattr(day, "isoformat") else ""


def msds_register(ctx: PackContext) -> Document:
    L = ctx.labels
    rows = []
    for record in ctx.records("chemical"):
        chemical, sheet = record.model, record.model.msds
        stock = chemical.max_stock
        rows.append(
            (
                record.id,
                ctx.text(chemical.name),
                chemical.cas or "",
                L.yes_no(chemical.hazardous),
                ", ".join(chemical.hazard_classes),
                ctx.text(chemical.stored_at),
                f"{stock.value:g} {stock.unit}" if stock else "",
                ctx.text(chemical.used_at),
                sheet.file if sheet else "",
                _day(sheet.revised) if sheet else "",
                L.yes_no(sheet.posted_at_use) if sheet else "",
                ctx.name_of(chemical.owner),
            )
        )
    headers: tuple[str, ...] = (
        L("id"),
        L("name"),
        L("cas"),
        L("hazardous"),
        L("hazard-classes"),
        L("stored-at"),
        L("max-stock"),
        L("used-at"),
        L("msds-file"),
        L("msds-revised"),
        L("posted-at-use"),
        L("owner"),
    )
    return Document("msds-register", L("msds-register")).add(
        Table(headers, tuple(rows), sheet="MSDS")
    )
