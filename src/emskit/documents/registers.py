"""The registers of the pack: each a Document whose tables are also Excel sheets."""

from __future__ import annotations

from emskit.documents.charts import indicator_unit, objective_chart
from emskit.documents.content import Document, Fields, Heading, Image, Paragraph, Table
from emskit.documents.context import PackContext
from emskit.documents.wording import method_in_words, score_reason


def aspects_register(ctx: PackContext) -> Document:
    L, scoring = ctx.labels, ctx.analysis.scoring
    method = scoring.methods.default if scoring.methods else None
    criteria = [c.name for c in method.criteria] if method else []
    names = [ctx.text(c.label) or c.name for c in method.criteria] if method else []
    headers = (
        L("id"),
        L("site"),
        L("department"),
        L("activity"),
        L("aspect"),
        L("impact"),
        L("condition"),
        *names,
        L("score"),
        L("significant"),
    )
    rows = []
    for record in ctx.records("aspect"):
        aspect, outcome = record.model, scoring.outcome(record)
        rows.append(
            (
                record.id,
                aspect.site or "",
                ctx.text(aspect.department),
                ctx.text(aspect.activity),
                ctx.text(aspect.aspect),
                ctx.text(aspect.impact),
                L.term(aspect.condition),
                *(str(aspect.scores.get(name, "")).removesuffix(".0") for name in criteria),
                outcome.score_text if outcome else "",
                L.yes_no(ctx.analysis.is_significant(record)),
            )
        )
    doc = Document("aspects-register", L("aspects-register"))
    if scoring.methods:
        doc.add(
            Paragraph(f"{L('method')}{L('colon')}{method_in_words(scoring.methods.default, L)}")
        )
    return doc.add(Table(headers, tuple(rows), sheet="Aspects"))


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
        )
    )


def obligations_register(ctx: PackContext) -> Document:
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
    rows = tuple(
        (
            r.id,
            L.term(r.model.type),
            ctx.text(r.model.title),
            ctx.text(r.model.requirement),
            L.term(r.model.status),
            L.period(r.model.evaluation_frequency),
            *last_result.get(r.id, ("", "")),
            due.get(r.id, ""),
        )
        for r in ctx.records("obligation")
    )
    headers = (
        L("id"),
        L("type"),
        L("title"),
        L("requirement"),
        L("status"),
        L("frequency"),
        L("last-evaluated"),
        L("result"),
        L("next-due"),
    )
    return Document("obligations-register", L("obligations-register")).add(
        Table(headers, rows, sheet="Obligations")
    )


def objectives(ctx: PackContext) -> Document:
    L = ctx.labels
    doc = Document("objectives", L("objectives"))
    summary = []
    for record in ctx.records("objective"):
        model = record.model
        summary.append(
            (
                record.id,
                ctx.text(model.title),
                f"{model.target.value:g}",
                model.target.by.isoformat(),
                ctx.name_of(model.owner),
                model.indicator or "",
                L.term(model.status),
            )
        )
    doc.add(
        Table(
            (L("id"), L("title"), L("target"), L("by"), L("owner"), L("indicator"), L("status")),
            tuple(summary),
            sheet="Objectives",
        )
    )
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
    controls = tuple(
        (
            r.id,
            ctx.text(r.model.title),
            L.term(r.model.type),
            ", ".join(r.model.aspects),
            ctx.text(r.model.criteria),
            r.model.document or "",
        )
        for r in ctx.records("control")
    )
    scenarios = tuple(
        (
            r.id,
            ctx.text(r.model.scenario),
            ", ".join(r.model.aspects),
            ctx.text(r.model.response),
            L.period(r.model.drill_frequency),
            last_drill.get(r.id, ""),
        )
        for r in ctx.records("scenario")
    )
    return Document("controls-and-emergency", L("controls-emergency")).add(
        Table(
            (L("id"), L("title"), L("type"), L("aspect"), L("controls"), L("evidence")),
            controls,
            sheet="Controls",
        ),
        Table(
            (L("id"), L("scenario"), L("aspect"), L("response"), L("frequency"), L("last-drill")),
            scenarios,
            sheet="Emergency scenarios",
        ),
    )


def monitoring_summary(ctx: PackContext) -> Document:
    L = ctx.labels
    rows = []
    for record in ctx.records("indicator"):
        model, series = record.model, ctx.readings_by_indicator.get(record.id, [])
        limit = model.limit
        over = [
            r
            for r in series
            if limit
            and (
                (limit.max is not None and r.value > limit.max)
                or (limit.min is not None and r.value < limit.min)
            )
        ]
        limit_text = (
            ""
            if not limit
            else " – ".join(f"{v:g}" if v is not None else "" for v in (limit.min, limit.max))
        )
        latest = f"{series[-1].value:g} ({series[-1].date})" if series else ""
        rows.append(
            (
                record.id,
                ctx.text(model.name),
                model.unit,
                limit_text,
                str(len(series)),
                latest,
                str(len(over)),
            )
        )
    return Document("monitoring-summary", L("monitoring")).add(
        Table(
            (
                L("id"),
                L("indicator"),
                L("unit"),
                L("limit"),
                L("readings"),
                L("latest"),
                L("exceedances"),
            ),
            tuple(rows),
            sheet="Monitoring",
        )
    )


def nonconformity_log(ctx: PackContext) -> Document:
    L = ctx.labels
    rows = tuple(
        (
            r.id,
            r.model.raised.isoformat(),
            L.term(r.model.source),
            L.term(r.model.grade),
            ctx.text(r.model.description),
            ctx.text(r.model.root_cause),
            L.separator.join(ctx.text(a.what) for a in r.model.corrective_actions),
            L.yes_no(r.model.effectiveness.effective) if r.model.effectiveness else "",
            L.term(r.model.status),
            r.model.closed_on.isoformat() if r.model.closed_on else "",
        )
        for r in ctx.records("nonconformity")
    )
    headers = (
        L("id"),
        L("raised"),
        L("source"),
        L("grade"),
        L("description"),
        L("root-cause"),
        L("actions"),
        L("effective"),
        L("status"),
        L("closed"),
    )
    return Document("nonconformity-log", L("nonconformity-log")).add(
        Table(headers, rows, sheet="Nonconformities")
    )


def training_records(ctx: PackContext) -> Document:
    L = ctx.labels
    training = tuple(
        (
            r.id,
            r.model.date.isoformat(),
            ctx.text(r.model.topic),
            ctx.name_of(r.model.trainer),
            ", ".join(ctx.name_of(a) for a in r.model.attendees),
            L.term(r.model.assessment),
        )
        for r in ctx.records("training")
    )
    competence = ctx.repo.singleton("competence")
    special = tuple(
        (ctx.name_of(req.role), ctx.text(req.competence), ctx.text(req.licence))
        for req in (competence.requirements if competence else [])
        if req.special_position
    )
    return Document("training-records", L("training")).add(
        Table(
            (L("id"), L("date"), L("topic"), L("trainer"), L("attendees"), L("assessment")),
            training,
            sheet="Training",
        ),
        Heading(L("special-positions"), 3),
        Table((L("role"), L("competence"), L("licence")), special, sheet="Special positions"),
    )


def master_list(ctx: PackContext) -> Document:
    L = ctx.labels
    review_due = {
        i.id: i.due.isoformat() for i in ctx.analysis.due_items if i.kind == "document-review"
    }
    rows = []
    for record in ctx.records("document"):
        model, history = record.model, ctx.history.get(record.file)
        rows.append(
            (
                record.id,
                ctx.text(model.title),
                L.term(model.type),
                str(history.revision) if history else "",
                history.changed.isoformat() if history and history.changed else "",
                history.author or "" if history else "",
                ctx.name_of(model.approved_by),
                model.approved_on.isoformat() if model.approved_on else "",
                review_due.get(record.id, ""),
                L.term(model.status),
                record.file,
            )
        )
    headers = (
        L("id"),
        L("title"),
        L("type"),
        L("revision"),
        L("changed"),
        L("author"),
        L("approved-by"),
        L("approved-on"),
        L("review-due"),
        L("status"),
        L("files"),
    )
    return Document("master-list", L("master-list")).add(
        Table(headers, tuple(rows), sheet="Documents")
    )


def summary_fields(ctx: PackContext) -> Fields:
    """The organisation at a glance (used by the application summary)."""
    L, config = ctx.labels, ctx.repo.config
    assert config is not None
    org, cert = config.organization, config.certification
    pairs = [
        (L("organization"), ctx.text(org.name)),
        (L("legal-name"), ctx.text(org.legal_name)),
        (L("registration"), org.registration_id or ""),
        (L("address"), ctx.text(org.address)),
        (L("sector"), ctx.text(org.sector)),
        (L("personnel"), str(org.employees or "")),
        (L("edition"), f"ISO 14001:{config.ems.edition}"),
        (
            L("operating-since"),
            config.ems.operating_since.isoformat() if config.ems.operating_since else "",
        ),
        (L("certification-body"), ctx.text(cert.body) if cert else ""),
        (L("status"), L.term(cert.status) if cert else ""),
    ]
    return Fields(tuple((k, v) for k, v in pairs if v))
