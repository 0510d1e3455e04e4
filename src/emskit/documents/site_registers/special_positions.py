"""The special-positions list: who holds each special position, with licence numbers,
validity and pre-job training (CN: 特殊岗位一览表)."""

from __future__ import annotations

from emskit.documents.columns import listed
from emskit.documents.content import Document, Table
from emskit.documents.context import PackContext


def special_positions_list(ctx: PackContext) -> Document:
    L = ctx.labels
    passed: dict[tuple[str, str], list[str]] = {}
    for training in ctx.records("training"):
        if training.model.assessment != "passed" or training.model.date > ctx.as_of:
            continue
        for person in training.model.attendees:
            for requirement in training.model.requirements:
                passed.setdefault((person, requirement), []).append(training.id)
    rows = []
    for person, requirement in ctx.special_positions():
        licences = [x for x in person.model.licences if x.requirement == requirement.id]
        licence = licences[0] if licences else None
        expires = licence.expires if licence else None
        rows.append(
            (
                ctx.text(person.model.name),
                person.id,
                ctx.name_of(requirement.model.role),
                requirement.id,
                ctx.text(requirement.model.competence),
                ctx.text(requirement.model.licence),
                (licence.number or "") if licence else "",
                ctx.text(licence.issued_by) if licence else "",
                expires.isoformat() if expires else "",
                L.yes_no(expires >= ctx.as_of) if expires else "",
                ", ".join(sorted(passed.get((person.id, requirement.id), []))),
            )
        )
    headers: tuple[str, ...] = (L("person"), L("id"), L("role"), L("requirement"), L("competence"))
    headers += (L("licence"), L("licence-number"), L("issuer"), L("expires"), L("valid"))
    headers += (L("pre-job-training"),)
    return Document("special-positions", L("special-positions-list")).add(
        Table(headers, tuple(rows), sheet="Special positions list"), listed(ctx, len(rows))
    )
