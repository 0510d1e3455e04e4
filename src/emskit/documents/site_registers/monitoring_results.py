"""Third-party monitoring results, each against its indicator's limit (CN: 监测报告结果)."""

from __future__ import annotations

from typing import Any

from emskit.documents.content import Document, Table
from emskit.documents.context import PackContext


def _limit(limit: Any) -> str:
    if limit is None or (limit.min is None and limit.max is None):
        return ""
    if limit.min is not None and limit.max is not None:
        return f"{limit.min:g} - {limit.max:g}"
    return f"<= {limit.max:g}" if limit.max is not None else f">= {limit.min:g}"


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
    for report in sorted(ctx.records("monitoring-report"), key=lambda r: (r.model.date, r.id)):
        for result in report.model.results:
            indicator = indicators.get(result.indicator)
            limit = indicator.limit if indicator else None
            rows.append(
                (
                    report.id,
                    report.model.date.isoformat(),
                    ctx.text(report.model.laboratory),
                    report.model.accreditation or "",
                    result.point or "",
                    result.indicator,
                    ctx.text(indicator.name) if indicator else "",
                    f"{result.value:g}",
                    indicator.unit if indicator else "",
                    _limit(limit),
                    L.yes_no(_within(limit, result.value)),
                )
            )
    headers: tuple[str, ...] = (
        L("report"),
        L("date"),
        L("laboratory"),
        L("accreditation"),
        L("point"),
    )
    headers += (L("indicator"), L("name"), L("value"), L("unit"), L("limit"), L("within-limit"))
    return Document("monitoring-results", L("monitoring-results")).add(
        Table(headers, tuple(rows), sheet="Monitoring results")
    )
