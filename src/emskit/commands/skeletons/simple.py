"""Skeletons of the records written as things happen: training, drills, incidents, authority
inspections, waste transfers, communications, controlled documents."""

from __future__ import annotations

from emskit.commands.skeletons.context import Draft
from emskit.commands.skeletons.text import TODO, Skeleton, allowed, todo
from emskit.model.external_checks import Inspection
from emskit.model.improvement import Incident
from emskit.model.support import Communication, Document, Training


def training(draft: Draft, out: Skeleton) -> None:
    out.key("id", draft.record_id)
    out.key("date", draft.as_of)
    out.key("topic", todo("what was taught"))
    out.optional("trainer", "PER-...", "a person or role id, or an outside trainer by name")
    out.items("attendees", [], "person or role ids")
    out.key("assessment", "not-assessed", allowed(Training, "assessment"))
    requirements = [r.id for r in draft.ctx.records("competence-requirement")]
    hint = ", ".join(sorted(requirements)[:8]) if requirements else "ids from competence.yaml"
    out.items("requirements", [], f"competence requirements met: {hint}")
    out.items("evidence", [], "attendance sheet, test papers")


def drill(draft: Draft, out: Skeleton) -> None:
    due = sorted(draft.ctx.calendar("drill"), key=lambda item: (item.due, item.id))
    out.key("id", draft.record_id)
    if draft.source is not None and draft.source.kind == "scenario":
        out.key("scenario", draft.source.id, draft.title(draft.source))
    elif due:
        out.key("scenario", due[0].id, f"{due[0].title}, due {due[0].due}")
    else:
        out.key("scenario", TODO, "the emergency scenario id (emergency/*.yaml)")
    out.key("date", draft.as_of)
    out.items("participants", [], "person or role ids")
    out.key("outcome", todo("how the response went, what to improve"))
    out.items("actions", [], "nonconformities or actions raised")
    out.items("evidence", [], "photographs, the drill report")


def incident(draft: Draft, out: Skeleton) -> None:
    out.key("id", draft.record_id)
    out.key("date", draft.as_of)
    out.key("type", TODO, allowed(Incident, "type"))
    out.key("description", todo("what happened, where, how much"))
    out.key("pollution", False, "did it pollute the environment?")
    out.key("reported_to_authority", False)
    out.key("penalty", False)
    out.items("aspects", [], "the aspects involved")
    out.items("controls", [], "controls whose operating criteria were not met (a breach, 8.1)")
    out.optional("nonconformity", "NC-...", f"emskit new nonconformity --from {draft.record_id}")
    out.items("evidence", [])


def inspection(draft: Draft, out: Skeleton) -> None:
    out.key("id", draft.record_id)
    out.key("date", draft.as_of)
    out.key("authority", todo("the authority that inspected"))
    out.key("type", TODO, allowed(Inspection, "type"))
    out.key("result", TODO, allowed(Inspection, "result"))
    out.key("findings", todo("what the inspectors noted"))
    out.key("penalty", False)
    out.optional("action", "NC-...", "required when failed or penalised")
    out.items("evidence", [], "the inspection record")


def waste_transfer(draft: Draft, out: Skeleton) -> None:
    streams = [s for s in draft.ctx.records("waste-stream") if s.model.hazardous]
    stream = (
        draft.source
        if draft.source and draft.source.kind == "waste-stream"
        else (streams[0] if len(streams) == 1 else None)
    )
    out.key("id", draft.record_id)
    out.key("date", draft.as_of, "the day the waste left the site")
    if stream is not None:
        out.key("stream", stream.id, draft.title(stream))
    else:
        known = ", ".join(sorted(s.id for s in streams)[:8]) or "waste/*.yaml"
        out.key("stream", TODO, f"the waste stream: {known}")
    contractor = getattr(stream.model, "contractor", None) if stream is not None else None
    out.key("contractor", contractor or TODO, "the licensed contractor that received it")
    out.optional("quantity", "{value: 0.5, unit: t}", "amount transferred")
    out.key("manifest", TODO, "the transfer manifest number")
    out.optional("received_on", "YYYY-MM-DD")
    out.items("evidence", [], "the manifest and weighing slips")


def communication(draft: Draft, out: Skeleton) -> None:
    out.key("id", draft.record_id)
    out.key("date", draft.as_of)
    out.key("direction", TODO, allowed(Communication, "direction"))
    out.optional("party", "IP-...", "the interested party (context.yaml)")
    out.key("subject", todo("what it was about"))
    out.key("complaint", False)
    out.optional("response", "...", "what was answered")
    out.optional("responded_on", "YYYY-MM-DD")
    out.items("evidence", [])


def document(draft: Draft, out: Skeleton) -> None:
    out.key("id", draft.record_id)
    out.key("title", todo("the document's title"))
    out.key("type", TODO, allowed(Document, "type"))
    out.items("clauses", [], "the clauses it serves")
    out.key("owner", TODO, "person or role id")
    out.key("status", "draft", allowed(Document, "status"))
    out.optional("approved_by", "PER-...", "once approved, with approved_on and status")
    out.optional("approved_on", "YYYY-MM-DD")
    out.key("review_interval", "P1Y")
