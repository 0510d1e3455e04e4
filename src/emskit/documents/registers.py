"""The registers of the pack: each a Document whose tables are also Excel sheets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from emskit.documents.charts import indicator_unit, objective_chart
from emskit.documents.columns import (
    Column,
    derived,
    field_label,
    limit_text,
    listed,
    number,
    register,
)
from emskit.documents.content import Document, Heading, Image, Paragraph, Table
from emskit.documents.context import PackContext
from emskit.documents.scales import scale_table
from emskit.documents.wording import method_in_words, score_reason
from emskit.model.evaluation import Indicator
from emskit.model.improvement import Nonconformity
from emskit.model.operation import Control, Scenario
from emskit.model.planning import Aspect, Objective, Obligation
from emskit.model.support import Training
from emskit.repo.repository import Record


def aspects_register(ctx: PackContext) -> Document:
    """Every field of every aspect, each criterion's score, the computed verdict; the method
    and what each value of each criterion's scale means."""
    L, scoring = ctx.labels, ctx.analysis.scoring
    methods = scoring.methods.all() if scoring.methods else []
    criteria: dict[str, str] = {}
    for method in methods:
        for c in method.criteria:
            criteria.setdefault(c.name, ctx.text(c.label) or c.name)
    for record in ctx.records("aspect"):  # a score the method does not know is still shown
        for name in record.model.scores:
            criteria.setdefault(name, name)
    scores = [Column(f"scores.{name}", label, _score_of(name)) for name, label in criteria.items()]

    def outcome_text(record: Record) -> str:
        outcome = scoring.outcome(record)
        return outcome.score_text if outcome else ""

    table, count = register(
        ctx,
        "aspect",
        Aspect,
        "Aspects",
        replace={"scores": scores},
        extra=(
            derived(ctx, "score", outcome_text),
            derived(ctx, "significant", lambda r: L.yes_no(ctx.analysis.is_significant(r))),
        ),
    )
    doc = Document("aspects-register", L("aspects-register"))
    if scoring.methods:
        doc.add(
            Paragraph(f"{L('method')}{L('colon')}{method_in_words(scoring.methods.default, L)}")
        )
        doc.add(Heading(L("scales"), 3), scale_table(ctx, methods))
    return doc.add(Heading(L("aspects-table"), 3), table, count)


def _score_of(name: str) -> Callable[[Record], str]:
    def value(record: Record) -> str:
        score = record.model.scores.get(name)
        return "" if score is None else str(score).removesuffix(".0")

    return value


def significant_aspects(ctx: PackContext) -> Document:
    L = ctx.labels
    rows = []
    for record in ctx.records("aspect"):
        if not ctx.analysis.is_significant(record):
            continue
        outcome = ctx.analysis.scoring.outcome(record)
        controls = sorted(r.id for r in ctx.analysis.index.linked(record, "control"))
        rows.append(
            (
                record.id,
                ctx.text(record.model.aspect),
                ctx.text(record.model.impact),
                L.term(record.model.condition),
                score_reason(outcome, L) if outcome else "",
                ", ".join(controls),
            )
        )
    doc = Document("significant-aspects", L("significant-aspects"))
    if ctx.analysis.scoring.methods:
        method = ctx.analysis.scoring.methods.default
        doc.add(Paragraph(f"{L('method')}{L('colon')}{method_in_words(method, L)}"))
    return doc.add(
        Table(
            (L("id"), L("aspect"), L("impact"), L("condition"), L("score"), L("controls")),
            tuple(rows),
            sheet="Significant aspects",
        ),
        listed(ctx, len(rows)),
    )


def obligations_register(ctx: PackContext) -> Document:
    """Every field of every obligation, the aspects linked from either side, and its
    evaluation: when it was last evaluated, the result, when it is next due."""
    L = ctx.labels
    last_result: dict[str, tuple[str, str]] = {}
    for evaluation in sorted(ctx.records("evaluation"), key=lambda e: e.model.date):
        for result in evaluation.model.results:
            last_result[result.obligation] = (
                evaluation.model.date.isoformat(),
                L.term(result.result),
            )
    due = {
        i.id: i.due.isoformat() for i in ctx.analysis.due_items if i.kind == "compliance-evaluation"
    }

    def aspects(record: Record) -> str:
        linked = {r.id for r in ctx.analysis.index.linked(record, "aspect")}
        return L.list_separator.join(sorted(linked | set(record.model.aspects)))

    table, count = register(
        ctx,
        "obligation",
        Obligation,
        "Obligations",
        replace={
            "aspects": (
                Column("aspects", field_label("aspects", L.language, "obligation"), aspects),
            )
        },
        extra=(
            derived(ctx, "last-evaluated", lambda r: last_result.get(r.id, ("", ""))[0]),
            derived(ctx, "result", lambda r: last_result.get(r.id, ("", ""))[1]),
            derived(ctx, "next-due", lambda r: due.get(r.id, "")),
        ),
    )
    return Document("obligations-register", L("obligations-register")).add(table, count)


def objectives(ctx: PackContext) -> Document:
    L = ctx.labels
    doc = Document("objectives", L("objectives"))
    table, count = register(ctx, "objective", Objective, "Objectives")
    doc.add(table, count)
    for record in ctx.records("objective"):
        model = record.model
        doc.add(Heading(f"{record.id} {ctx.text(model.title)}", 3))
        doc.add(
            Table(
                (L("actions"), L("owner"), L("due"), L("status")),
                tuple(
                    (
                        ctx.text(a.what),
                        ctx.name_of(a.who),
                        a.due.isoformat() if a.due else "",
                        L.term(a.status),
                    )
                    for a in model.actions
                ),
            )
        )
        series = ctx.readings_by_indicator.get(model.indicator or "", [])
        if series:
            doc.add(
                Image(
                    objective_chart(
                        record.id, series, model, ctx.labels, indicator_unit(ctx, model)
                    ),
                    f"{L('progress')}: {record.id}",
                )
            )
    return doc


def controls_and_emergency(ctx: PackContext) -> Document:
    L = ctx.labels
    last_drill: dict[str, str] = {}
    for drill in sorted(ctx.records("drill"), key=lambda d: d.model.date):
        last_drill[drill.model.scenario] = drill.model.date.isoformat()
    controls, controls_count = register(ctx, "control", Control, "Controls")
    scenarios, scenarios_count = register(
        ctx,
        "scenario",
        Scenario,
        "Emergency scenarios",
        extra=(derived(ctx, "last-drill", lambda r: last_drill.get(r.id, "")),),
    )
    return Document("controls-and-emergency", L("controls-emergency")).add(
        Heading(L("controls"), 3),
        controls,
        controls_count,
        Heading(L("emergency-scenarios"), 3),
        scenarios,
        scenarios_count,
    )


def _over(limit: Any, value: float) -> bool:
    return bool(
        limit
        and (
            (limit.max is not None and value > limit.max)
            or (limit.min is not None and value < limit.min)
        )
    )


def monitoring_summary(ctx: PackContext) -> Document:
    L = ctx.labels
    series = ctx.readings_by_indicator

    def latest(record: Record) -> str:
        readings = series.get(record.id, [])
        return f"{number(readings[-1].value)} ({readings[-1].date})" if readings else ""

    def exceedances(record: Record) -> str:
        limit = record.model.limit
        return str(sum(1 for r in series.get(record.id, []) if _over(limit, r.value)))

    table, count = register(
        ctx,
        "indicator",
        Indicator,
        "Monitoring",
        replace={
            "limit": (Column("limit", L("limit"), lambda r: limit_text(r.model.limit)),),
        },
        extra=(
            derived(ctx, "readings", lambda r: str(len(series.get(r.id, [])))),
            derived(ctx, "latest", latest),
            derived(ctx, "exceedances", exceedances),
        ),
    )
    return Document("monitoring-summary", L("monitoring")).add(table, count)


def nonconformity_log(ctx: PackContext) -> Document:
    L = ctx.labels
    table, count = register(ctx, "nonconformity", Nonconformity, "Nonconformities")
    return Document("nonconformity-log", L("nonconformity-log")).add(table, count)


def training_records(ctx: PackContext) -> Document:
    L = ctx.labels
    training, count = register(ctx, "training", Training, "Training")
    competence = ctx.repo.singleton("competence")
    special = tuple(
        (ctx.name_of(req.role), ctx.text(req.competence), ctx.text(req.licence))
        for req in (competence.requirements if competence else [])
        if req.special_position
    )
    return Document("training-records", L("training")).add(
        training,
        count,
        Heading(L("special-positions"), 3),
        Table((L("role"), L("competence"), L("licence")), special, sheet="Special positions"),
        listed(ctx, len(special)),
    )
