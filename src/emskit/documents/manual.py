"""The environmental manual, generated from the data for a repository that keeps none of its
own (no controlled document of type ``manual``): scope and boundaries, the policy, the
organisation, the EMS process, how each clause of the repository's edition is met (citing
procedures and registers by document number) and the list of procedures.

Only the organisation's own text comes from the repository; every other word is emskit's,
from the vocabulary, and what each clause asks is our own short paraphrase."""

from __future__ import annotations

from collections.abc import Sequence

from emskit.clauses.catalogue import Clause, catalogue
from emskit.documents.citations import Citation, procedures_for, registers_for
from emskit.documents.content import Block, Document, Fields, Heading, Paragraph, Table
from emskit.documents.context import PackContext
from emskit.documents.numbers import generated_number
from emskit.repo.repository import Record

NAME = "environmental-manual"
NONE = "—"


def has_own_manual(ctx: PackContext) -> bool:
    """Whether the repository controls a manual of its own (then none is generated)."""
    return any(
        d.model.type == "manual" and d.model.status != "obsolete" for d in ctx.records("document")
    )


def environmental_manual(ctx: PackContext, documents: Sequence[Document]) -> Document:
    """The manual; ``documents`` are the pack's other documents, the registers it may cite."""
    L, config = ctx.labels, ctx.repo.config
    assert config is not None
    doc = Document(NAME, L("manual.title"))
    doc.add(
        Paragraph(
            L(
                "manual.intro",
                organisation=ctx.text(config.organization.name),
                edition=config.ems.edition,
                as_of=ctx.as_of.isoformat(),
            )
        )
    )
    doc.add(*_scope(ctx), *_policy(ctx), *_organisation(ctx), *_process(ctx))
    doc.add(Heading(L("manual.clauses"), 2))
    for clause in catalogue(ctx.repo.edition).clauses:
        doc.add(*_clause(ctx, clause, documents))
    return doc.add(*_procedures(ctx))


def _scope(ctx: PackContext) -> list[Block]:
    L, config = ctx.labels, ctx.repo.config
    assert config is not None
    sites = tuple(
        (s.id, ctx.text(s.name), ctx.text(s.address) or NONE, str(s.employees or NONE))
        for s in config.organization.sites
    )
    return [
        Heading(L("manual.scope"), 2),
        Paragraph(ctx.text(config.ems.scope)),
        Fields(
            (
                (L("edition"), f"ISO 14001:{config.ems.edition}"),
                (L("manual.exclusions"), NONE),
                (L("manual.see"), generated_number("scope-statement")),
            )
        ),
        Heading(L("sites"), 3),
        Table((L("id"), L("site"), L("address"), L("personnel")), sites),
    ]


def _policy(ctx: PackContext) -> list[Block]:
    L, model = ctx.labels, ctx.repo.singleton("policy")
    out: list[Block] = [Heading(L("policy"), 2)]
    if model is None:
        return [*out, Paragraph(L("manual.no-policy"))]
    kept = [name for name, value in model.commitments if value]
    return [
        *out,
        Paragraph(ctx.text(model.text)),
        Heading(L("commitments"), 3),
        Paragraph("\n".join(f"- {L.term(name)}" for name in kept) or NONE),
        Fields(
            (
                (L("approved-by"), ctx.name_of(model.approved_by)),
                (L("approved-on"), model.approved_on.isoformat()),
                (L("manual.see"), generated_number("environmental-policy")),
            )
        ),
    ]


def _organisation(ctx: PackContext) -> list[Block]:
    L = ctx.labels
    people = ctx.records("person")

    def holders(role: Record) -> str:
        names = [ctx.text(p.model.name) for p in people if role.id in p.model.roles]
        return L.list_separator.join(names)

    roles = ctx.records("role")
    rows = tuple(
        (
            role.id,
            ctx.text(role.model.title),
            ctx.text(role.model.responsibilities) or NONE,
            holders(role) or NONE,
        )
        for role in roles
    )
    # Who answers for the EMS (5.1, 5.3): the roles so marked, with their holders.
    named = tuple(
        (
            L(key),
            L.separator.join(
                ctx.text(r.model.title) + (L("in-brackets", text=holders(r)) if holders(r) else "")
                for r in roles
                if getattr(r.model, field)
            )
            or NONE,
        )
        for key, field in _MARKS
    )
    return [
        Heading(L("manual.organisation"), 2),
        Paragraph(L("manual.organisation-intro", number=generated_number("roles-register"))),
        Fields(named),
        Table((L("id"), L("role"), L("manual.responsibilities"), L("role-holders")), rows),
    ]


_MARKS = (("manual.top-management", "top_management"), ("manual.ems-rep", "ems_representative"))


def _process(ctx: PackContext) -> list[Block]:
    L, config = ctx.labels, ctx.repo.config
    assert config is not None
    since = config.ems.operating_since
    audits = [a.model.date for a in ctx.records("audit") if a.model.type == "internal"]
    reviews = [r.model.date for r in ctx.records("review")]
    return [
        Heading(L("manual.process"), 2),
        Paragraph(L("manual.process-text")),
        Fields(
            (
                (L("operating-since"), since.isoformat() if since else NONE),
                (L("manual.last-audit"), max(audits).isoformat() if audits else NONE),
                (L("manual.last-review"), max(reviews).isoformat() if reviews else NONE),
            )
        ),
    ]


def _clause(ctx: PackContext, clause: Clause, documents: Sequence[Document]) -> list[Block]:
    L = ctx.labels
    level = 3 if clause.parent is None else 4
    out: list[Block] = [
        Heading(f"{clause.number} {L.clause_title(clause.title)}", level),
        Paragraph(L("manual.asks", text=L.says(clause.says))),
    ]
    if not clause.assessed:  # a heading or a sub-clause: said under the clause assessed
        return out
    sentences = [_registers_sentence(ctx, registers_for(ctx, clause, documents))]
    sentences.append(_procedures_sentence(ctx, procedures_for(ctx, clause)))
    result = next((c for c in ctx.gap if c.clause.number == clause.number), None)
    if result is not None:  # the gap assessment's verdict, with its reasons when not met
        reasons = L.separator.join(L.say(r) for r in result.reasons)
        status = L.term(result.status) + (L("in-brackets", text=reasons) if reasons else "")
        sentences.append(L("manual.status", as_of=ctx.as_of.isoformat(), status=status))
    return [*out, Paragraph(" ".join(sentences) if not L.chinese else "".join(sentences))]


def _registers_sentence(ctx: PackContext, citations: list[Citation]) -> str:
    L = ctx.labels
    if not citations:
        return L("manual.no-registers")
    items = [
        L("manual.register", title=c.title, number=c.number)
        if c.count is None
        else L("manual.register-count", title=c.title, number=c.number, count=c.count)
        for c in citations
    ]
    return L("manual.kept-in", registers=L.separator.join(items))


def _procedures_sentence(ctx: PackContext, procedures: list[Record]) -> str:
    L = ctx.labels
    if not procedures:
        return L("manual.no-procedures")
    items = []
    for record in procedures:
        owner = ctx.name_of(record.model.owner)
        title = ctx.text(record.model.title)
        items.append(
            L("manual.procedure-owned", number=record.id, title=title, owner=owner)
            if owner
            else L("manual.procedure", number=record.id, title=title)
        )
    return L("manual.procedures", procedures=L.separator.join(items))


def _procedures(ctx: PackContext) -> list[Block]:
    L = ctx.labels
    rows = []
    for record in ctx.records("document"):
        model, history = record.model, ctx.history.get(record.file)
        rows.append(
            (
                record.id,
                ctx.text(model.title),
                L.term(model.type),
                str(history.revision) if history and history.revision else NONE,
                ctx.name_of(model.owner) or NONE,
                L.term(model.status),
            )
        )
    headers = (L("doc.number"), L("title"), L("type"), L("revision"), L("owner"), L("status"))
    return [
        Heading(L("manual.procedure-list"), 2),
        Table(headers, tuple(rows)) if rows else Paragraph(L("manual.no-documents")),
    ]
