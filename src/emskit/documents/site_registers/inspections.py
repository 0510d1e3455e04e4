"""The log of visits and spot checks by the environment authority (CN: 环保部门检查记录)."""

from __future__ import annotations

from emskit.documents.content import Document, Table
from emskit.documents.context import PackContext


def inspections_log(ctx: PackContext) -> Document:
    L = ctx.labels
    visits = sorted(ctx.records("inspection"), key=lambda r: (r.model.date, r.id))
    rows = tuple(
        (
            r.id,
            r.model.date.isoformat(),
            ctx.text(r.model.authority),
            L.term(r.model.type),
            L.term(r.model.result),
            ctx.text(r.model.findings),
            L.yes_no(r.model.penalty),
            r.model.action or "",
            ", ".join(r.model.evidence),
        )
        for r in visits
    )
    headers: tuple[str, ...] = (
        L("id"),
        L("date"),
        L("authority"),
        L("type"),
        L("result"),
        L("findings"),
    )
    headers += (L("penalty"), L("action"), L("evidence"))
    return Document("inspections-log", L("inspections-log")).add(
        Table(headers, rows, sheet="Inspections")
    )
