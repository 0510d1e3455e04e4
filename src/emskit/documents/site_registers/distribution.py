"""The issue and withdrawal record of controlled copies (CN: 文件发放与回收记录)."""

from __future__ import annotations

from emskit.documents.columns import listed
from emskit.documents.content import Document, Table
from emskit.documents.context import PackContext


def distribution_record(ctx: PackContext) -> Document:
    L = ctx.labels
    record = ctx.repo.singletons.get("distribution")
    titles = {r.id: ctx.text(r.model.title) for r in ctx.records("document")}
    issues = record.model.issues if record else []
    rows = tuple(
        (
            issue.document,
            titles.get(issue.document, ""),
            issue.approved_on.isoformat(),
            ctx.text(issue.to),
            issue.issued_on.isoformat() if issue.issued_on else "",
            ctx.name_of(issue.by),
            issue.withdraws.isoformat() if issue.withdraws else "",
        )
        for issue in sorted(issues, key=lambda i: (i.document, i.approved_on))
    )
    headers: tuple[str, ...] = (
        L("document"),
        L("title"),
        L("version"),
        L("holders"),
        L("issued-on"),
    )
    headers += (L("issued-by"), L("withdraws"))
    return Document("distribution-record", L("distribution-record")).add(
        Table(headers, rows, sheet="Document distribution"), listed(ctx, len(rows))
    )
