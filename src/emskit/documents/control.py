"""Document control of every pack document (7.5.2, 7.5.3): what its title block, header and
footer say, found once from the repository and put on the document for every writer.

A controlled document of the repository (documents/**/*.md, a pack document named by its id)
keeps its own number; its revision is its approved revision (how many approvals git has
seen, repo/document_history.py), dated by its ``approved_on``; prepared by its owner and
approved by its ``approved_by``, each as "Name (Role)"; its status its own.

A document emskit generates (a register, a report) has no approval cycle of its own: it is
the repository's records as they stood at the as-of date and commit, built again for each
pack. So it carries a stable generated number (numbers.py), no revision ("—", never a
number that would suggest an approval nobody gave), the status "generated from the records
as of DATE", prepared by the EMS representative (who keeps those records) and approved by
nobody ("—"); the environmental policy, which records its approval in policy.yaml, has
the approved revision of that file and is approved by its signatory on its date. The
footer's as-of date and commit identify every version exactly.
"""

from __future__ import annotations

from emskit.documents.content import Document, DocumentControl
from emskit.documents.context import PackContext
from emskit.documents.numbers import generated_number
from emskit.repo.repository import Record


def control_of(ctx: PackContext, doc: Document, draft: bool) -> DocumentControl:
    """The document control of ``doc`` in the pack built from ``ctx``."""
    L = ctx.labels
    config = ctx.repo.config
    organisation = ctx.text(config.organization.name) if config else ""
    record = _controlled(ctx).get(doc.name)
    commit = (ctx.commit or "")[:12]
    if record is not None:
        model = record.model
        history = ctx.history.get(record.file)
        return DocumentControl(
            organisation=organisation,
            number=record.id,
            revision=str(history.revision) if history and history.revision else "",
            revision_date=model.approved_on.isoformat() if model.approved_on else "",
            prepared_by=signatory(ctx, model.owner),
            approved_by=signatory(ctx, model.approved_by),
            status=L.term("draft") if draft else L.term(model.status),
            as_of=ctx.as_of.isoformat(),
            commit=commit,
            draft=draft,
        )
    policy = ctx.repo.singletons.get("policy") if doc.name == "environmental-policy" else None
    approved_on = getattr(policy.model, "approved_on", None) if policy else None
    history = ctx.history.get(policy.file) if policy else None
    generated = L("doc.status-generated", date=ctx.as_of.isoformat())
    return DocumentControl(
        organisation=organisation,
        number=generated_number(doc.name),
        revision=str(history.revision) if history and history.revision else "",
        revision_date=approved_on.isoformat() if approved_on else "",
        prepared_by=signatory(ctx, _ems_representative(ctx)),
        approved_by=signatory(ctx, policy.model.approved_by) if policy else "",
        status=L.term("draft") if draft else (L.term("approved") if approved_on else generated),
        as_of=ctx.as_of.isoformat(),
        commit=commit,
        draft=draft,
    )


def _controlled(ctx: PackContext) -> dict[str, Record]:
    return {r.id: r for r in ctx.records("document")}


def signatory(ctx: PackContext, ref: str | None) -> str:
    """A person or role id as "Name (Role)": a role as the first person holding it (by id),
    a person with their first role; what is not known, as written; nothing as ""."""
    if not ref:
        return ""
    people = {p.id: p for p in ctx.records("person")}
    roles = {r.id: r for r in ctx.records("role")}
    if ref in roles:
        holders = [p for p in people.values() if ref in p.model.roles]
        return (
            person_and_role(ctx, holders[0], ref) if holders else ctx.text(roles[ref].model.title)
        )
    if ref in people:
        return person_and_role(ctx, people[ref])
    return ref


def person_and_role(ctx: PackContext, person: Record, role: str | None = None) -> str:
    """'Liu Yang (EMS representative)': the person's name and the role they act in (their
    first role where none is given)."""
    name = ctx.text(person.model.name)
    role_id = role or next(iter(person.model.roles), None)
    titles = {r.id: r.model.title for r in ctx.records("role")}
    if role_id not in titles:
        return name
    return name + ctx.labels("in-brackets", text=ctx.text(titles[role_id]))


def _ems_representative(ctx: PackContext) -> str | None:
    for role in ctx.records("role"):
        if role.model.ems_representative:
            return role.id
    return None
