"""Third-party monitoring results, each against its indicator's limit (CN: 监测报告结果)."""

from __future__ import annotations

from typing import Any

from emskit.documents.columns import limit_text, listed, number, show
from emskit.documents.content import Document, Table
from emskit.documents.context import PackContext


def _within(limit: Any, value: float) -> bool | None:
    if limit is None or (limit.min is None and limit.max is None):
        return None
    return not (
        (limit.max is not None and value > limit.max)
        or (limit.min is not None and value < limit.min)
    )


def monitoring_results(ctx: PackContext) -> Document:
    L = ctx.labels
    indicators = {r.id: r.model for r in ctx.records("indicator")}
    rows = []
    reports = ctx.records("monitoring-report")  # by id, a row per result in its order
    for report in reports:
        for result in report.model.results:
            indicator = indicators.get(result.indicator)
            limit = indicator.limit if indicator else None
            rows.append(
                (
                    report.id,
                    report.model.date.isoformat(),
                    ctx.text(report.model.laboratory),
                    report.model.accreditation or "",
                    show(ctx, report.model.points),
                    result.point or "",
                    result.indicator,
                    ctx.text(indicator.name) if indicator else "",
                    number(result.value),
                    indicator.unit if indicator else "",
                    limit_text(limit),
                    L.yes_no(_within(limit, result.value)),
                    show(ctx, report.model.evidence),
                )
            )
    headers: tuple[str, ...] = (
        L("report"),
        L("date"),
        L("laboratory"),
        L("accreditation"),
        L("field.points"),
        L("point"),
    )
    headers += (L("indicator"), L("name"), L("value"), L("unit"), L("limit"), L("within-limit"))
    headers += (L("evidence"),)
    return Document("monitoring-results", L("monitoring-results")).add(
        Table(headers, tuple(rows), sheet="Monitoring results"), listed(ctx, len(reports))
    )
