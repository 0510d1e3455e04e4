"""The registers an auditor asks for beside the aspects and obligations: context and
interested parties, risks and opportunities, roles and responsibilities, the communication
plan and log, the calibration list, the audit programme, drills and incidents. Each lists
every field its records hold (documents/columns.py), sorted by id, with its count."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from emskit.documents.columns import Column, derived, field_columns, listed, register, table
from emskit.documents.content import Document, Fields, Heading, Paragraph
from emskit.documents.context import PackContext
from emskit.model.context import InterestedParty, Issue, Person, Risk, Role
from emskit.model.evaluation import Equipment, PlannedAudit
from emskit.model.improvement import Incident
from emskit.model.operation import Drill
from emskit.model.support import Communication, CompetenceRequirement, PlannedCommunication
from emskit.repo.repository import Record


def _due(ctx: PackContext, kind: str) -> Callable[[Record], str]:
    """The calendar's next due date of each record (one reading of dates for every output)."""
    due = {i.id: i.due.isoformat() for i in ctx.analysis.due_items if i.kind == kind}
    return lambda record: due.get(record.id, "")


def context_register(ctx: PackContext) -> Document:
    L = ctx.labels
    doc = Document("context-register", L("context-register"))
    issues, issues_count = register(ctx, "issue", Issue, "Issues")
    doc.add(Heading(L("issues"), 3), issues, issues_count)
    context = ctx.repo.singleton("context")
    climate = context.climate_change if context is not None else None
    if climate is not None:
        doc.add(
            Heading(L("climate-change"), 3),
            Fields(
                (
                    (L("field.relevant"), L.yes_no(climate.relevant)),
                    (L("field.rationale"), ctx.text(climate.rationale)),
                )
            ),
        )
    parties, parties_count = register(ctx, "party", InterestedParty, "Interested parties")
    return doc.add(Heading(L("interested-parties"), 3), parties, parties_count)


def risks_register(ctx: PackContext) -> Document:
    L = ctx.labels
    risks, count = register(ctx, "risk", Risk, "Risks")
    return Document("risks-register", L("risks-register")).add(risks, count)


def roles_register(ctx: PackContext) -> Document:
    L = ctx.labels

    def holders(record: Record) -> str:
        people = [p for p in ctx.records("person") if record.id in p.model.roles]
        return L.list_separator.join(ctx.text(p.model.name) for p in people)

    roles = table(
        [*field_columns(ctx, Role, "role"), derived(ctx, "role-holders", holders)],
        ctx.records("role"),
        "Roles",
    )
    roles_count = listed(ctx, len(roles.rows))
    people, people_count = register(ctx, "person", Person, "People")
    requirements, requirements_count = register(
        ctx, "competence-requirement", CompetenceRequirement, "Competence"
    )
    return Document("roles-register", L("roles-register")).add(
        Heading(L("roles"), 3),
        roles,
        roles_count,
        Heading(L("people"), 3),
        people,
        people_count,
        Heading(L("competence-requirements"), 3),
        requirements,
        requirements_count,
    )


def communication_register(ctx: PackContext) -> Document:
    L = ctx.labels
    singleton = ctx.repo.singleton("communication")
    plan: Sequence[Any] = singleton.plan if singleton is not None else []
    columns = field_columns(ctx, PlannedCommunication, "planned-communication", of=lambda x: x)
    log, log_count = register(ctx, "communication", Communication, "Communications")
    return Document("communication-register", L("communication-register")).add(
        Heading(L("communication-plan"), 3),
        table(columns, plan, "Communication plan"),
        listed(ctx, len(plan)),
        Heading(L("communication-log"), 3),
        log,
        log_count,
    )


def calibration_list(ctx: PackContext) -> Document:
    L = ctx.labels

    def indicators(record: Record) -> str:
        linked = ctx.analysis.index.linked(record, "indicator")
        return L.list_separator.join(sorted({r.id for r in linked}))

    equipment, count = register(
        ctx,
        "equipment",
        Equipment,
        "Calibration",
        extra=(
            derived(ctx, "next-due", _due(ctx, "calibration")),
            derived(ctx, "field.indicators", indicators),
        ),
    )
    return Document("calibration-list", L("calibration-list")).add(equipment, count)


def audit_programme(ctx: PackContext) -> Document:
    L = ctx.labels
    done: dict[str, list[str]] = {}
    for audit in ctx.records("audit"):
        if audit.model.planned_as:
            done.setdefault(audit.model.planned_as, []).append(audit.id)

    def held(record: Record) -> str:
        return L.list_separator.join(sorted(done.get(record.id, [])))

    doc = Document("audit-programme", L("audit-programme"))
    programme = ctx.repo.singleton("programme")
    if programme is not None and programme.period:
        doc.add(Paragraph(f"{L('field.programme.period')}{L('colon')}{programme.period}"))
    audits, count = register(
        ctx,
        "audit-plan",
        PlannedAudit,
        "Audit programme",
        extra=(derived(ctx, "held-as", held),),
    )
    return doc.add(audits, count)


def drill_records(ctx: PackContext) -> Document:
    L = ctx.labels
    titles = {r.id: ctx.text(r.model.scenario) for r in ctx.records("scenario")}

    def scenario(record: Record) -> str:
        return f"{record.model.scenario} {titles.get(record.model.scenario, '')}".strip()

    drills, count = register(
        ctx,
        "drill",
        Drill,
        "Drills",
        replace={"scenario": (Column("scenario", L("scenario"), scenario),)},
    )
    return Document("drill-records", L("drill-records")).add(drills, count)


def incidents_register(ctx: PackContext) -> Document:
    L = ctx.labels
    incidents, count = register(ctx, "incident", Incident, "Incidents")
    return Document("incidents", L("incidents-register")).add(incidents, count)


RECORD_REGISTERS = (
    context_register,
    risks_register,
    roles_register,
    communication_register,
    calibration_list,
    audit_programme,
    drill_records,
    incidents_register,
)
