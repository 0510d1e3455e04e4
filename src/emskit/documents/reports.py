"""The narrative documents of the pack: policy, scope, evaluation, audit and review reports, the
clause cross-reference, the gap and readiness reports, China materials."""

from __future__ import annotations

from collections.abc import Sequence

from emskit.documents.citations import procedures_for, registers_for
from emskit.documents.content import Document, Fields, Heading, Paragraph, Table
from emskit.documents.context import PackContext
from emskit.vocabulary import FAIL


def policy(ctx: PackContext) -> Document:
    L, model = ctx.labels, ctx.repo.singleton("policy")
    doc = Document("environmental-policy", L("policy"))
    if model is None:
        return doc.add(Paragraph("—"))
    commitments = L.terms(name for name, kept in model.commitments if kept)
    return doc.add(
        Paragraph(ctx.text(model.text)),
        Fields(
            (
                (L("commitments"), commitments),
                (L("approved-by"), ctx.name_of(model.approved_by)),
                (L("approved-on"), model.approved_on.isoformat()),
            )
        ),
    )


def scope_statement(ctx: PackContext) -> Document:
    L, config = ctx.labels, ctx.repo.config
    assert config is not None
    sites = "; ".join(
        f"{ctx.text(s.name)} ({ctx.text(s.address)})" for s in config.organization.sites
    )
    return Document("scope-statement", L("scope-statement")).add(
        Paragraph(ctx.text(config.ems.scope)),
        Fields(((L("sites"), sites), (L("edition"), f"ISO 14001:{config.ems.edition}"))),
    )


def compliance_evaluation(ctx: PackContext) -> Document:
    L = ctx.labels
    doc = Document("compliance-evaluation", L("compliance-evaluation"))
    titles = {r.id: ctx.text(r.model.title) for r in ctx.records("obligation")}
    for record in sorted(ctx.records("evaluation"), key=lambda r: (r.model.date, r.id)):
        model = record.model
        doc.add(
            Heading(f"{record.id} — {model.date}", 3),
            Fields(
                (
                    (L("evaluator"), ctx.name_of(model.evaluator)),
                    (L("field.Evaluation.method"), ctx.text(model.method)),
                )
            ),
            Table(
                (L("obligation"), L("title"), L("result"), L("description"), L("action")),
                tuple(
                    (
                        r.obligation,
                        titles.get(r.obligation, ""),
                        L.term(r.result),
                        ctx.text(r.note),
                        r.action or "",
                    )
                    for r in sorted(model.results, key=lambda r: r.obligation)
                ),
            ),
        )
    return doc


def internal_audits(ctx: PackContext) -> Document:
    L = ctx.labels
    doc = Document("internal-audits", L("internal-audits"))
    for record in sorted(ctx.records("audit"), key=lambda r: r.model.date):
        model = record.model
        if model.type != "internal":
            continue
        clauses = L.term("all") if model.clauses == "all" else ", ".join(model.clauses)
        doc.add(
            Heading(f"{record.id} — {model.date}", 3),
            Fields(
                (
                    (L("auditors"), ", ".join(ctx.name_of(a) for a in model.auditors)),
                    (L("audit-scope"), ctx.text(model.scope)),
                    (L("clauses"), clauses),
                    (L("conclusion"), ctx.text(model.conclusion)),
                )
            ),
            Table(
                (L("id"), L("type"), L("clause"), L("description"), L("nc")),
                tuple(
                    (
                        f.id,
                        L.term(f.type)
                        + (L("in-brackets", text=L.term(f.grade)) if f.grade else ""),
                        f.clause or "",
                        ctx.text(f.description),
                        f.nonconformity or "",
                    )
                    for f in model.findings
                ),
            ),
        )
    return doc


def management_reviews(ctx: PackContext) -> Document:
    L = ctx.labels
    doc = Document("management-reviews", L("management-review"))
    for record in sorted(ctx.records("review"), key=lambda r: r.model.date):
        model = record.model
        doc.add(
            Heading(f"{record.id} — {model.date}", 3),
            Fields(
                (
                    (L("chair"), ctx.name_of(model.chair)),
                    (L("attendees"), ", ".join(ctx.name_of(a) for a in model.attendees)),
                )
            ),
            Heading(L("inputs"), 4),
            Fields(
                tuple(
                    (
                        L.label(name),
                        ctx.text(value)
                        if not isinstance(value, list)
                        else ", ".join(map(str, value)),
                    )
                    for name, value in model.inputs.items()
                )
            ),
        )
        if model.outputs is not None:
            outputs = [
                (L.label(name), ctx.text(value))
                for name, value in model.outputs
                if value and name != "actions"
            ]
            outputs += [
                (
                    a.id or L("action"),
                    ctx.text(a.what)
                    + L(
                        "in-brackets",
                        text=L.list_separator.join(
                            v for v in (ctx.name_of(a.who), str(a.due or "")) if v
                        ),
                    ),
                )
                for a in model.outputs.actions
            ]
            doc.add(Heading(L("outputs"), 4), Fields(tuple(outputs)))
    return doc


def cross_reference(ctx: PackContext, documents: Sequence[Document]) -> Document:
    """Each assessed clause of the edition with the repository's documents that name it and
    the registers of the pack (``documents``) that carry its records, by document number."""
    L = ctx.labels
    rows = tuple(
        (
            c.clause.number,
            L.clause_title(c.clause.title),
            L.list_separator.join(d.id for d in procedures_for(ctx, c.clause)) or "—",
            L.list_separator.join(r.number for r in registers_for(ctx, c.clause, documents)) or "—",
            L.term(c.status),
        )
        for c in ctx.gap
    )
    headers = (L("clause"), L("title"), L("procedures"), L("registers"), L("status"))
    return Document("clause-cross-reference", L("cross-reference")).add(
        Table(headers, rows, sheet="Clauses")
    )


def gap_report(ctx: PackContext) -> Document:
    L = ctx.labels
    rows = tuple(
        (
            c.clause.number,
            L.clause_title(c.clause.title),
            L.term(c.status),
            L.separator.join(L.say(r) for r in c.reasons),
        )
        for c in ctx.gap
    )
    met = sum(1 for c in ctx.gap if c.status == "met")
    return Document("gap-report", L("gap-report")).add(
        Paragraph(
            L("gap-summary", met=met, total=len(ctx.gap), edition=ctx.repo.edition, as_of=ctx.as_of)
        ),
        Table((L("clause"), L("title"), L("status"), L("reasons")), rows, sheet="Gap"),
    )


def readiness_report(ctx: PackContext) -> Document:
    L = ctx.labels
    rows = tuple(
        (L(f"readiness.{v.id}"), L.term(v.status), L.say(v.message), ", ".join(v.clauses))
        for v in ctx.readiness
    )
    ready = not any(v.status == FAIL for v in ctx.readiness)
    return Document("readiness-report", L("readiness-report")).add(
        Paragraph(L("ready" if ready else "not-ready", as_of=ctx.as_of)),
        Table((L("rule"), L("status"), L("message"), L("clauses")), rows, sheet="Readiness"),
    )


def application_materials(ctx: PackContext) -> Document:
    from emskit.judgements.application import material_counts
    from emskit.model.config import Application

    L, config = ctx.labels, ctx.repo.config
    application = config.certification.application if config and config.certification else None
    rows = []
    for name in Application.model_fields:
        files = application.files_of(name) if application else []
        present = bool(files) and material_counts(ctx.analysis, name)
        rows.append((L.label(name), ", ".join(files), L.yes_no(present)))
    return Document("application-materials", L("application-materials")).add(
        Table((L("material"), L("files"), L("present")), tuple(rows), sheet="Application materials")
    )
