"""The implementation roadmap in the pack: the steps as declared and as the records show them,
with the planned-against-actual chart."""

from __future__ import annotations

from emskit.certification.roadmap import RoadmapStep, build_roadmap
from emskit.documents.columns import listed, show
from emskit.documents.content import Document, Fields, Table
from emskit.documents.context import PackContext


def _shown(ctx: PackContext, step: RoadmapStep) -> str:
    if step.skipped:
        return step.skipped
    if step.contradiction is not None:
        return ctx.labels.say(step.contradiction)
    return ctx.labels.say(step.shown.reason) if step.shown.judged else ""


def roadmap_register(ctx: PackContext) -> Document:
    L = ctx.labels
    roadmap = build_roadmap(ctx.repo, ctx.as_of)
    implementation = ctx.repo.singleton("implementation")
    declared = implementation.steps if implementation is not None else []

    def written(step: RoadmapStep, name: str) -> str:
        """A field of the step as implementation.yaml writes it (note, evidence)."""
        if step.index is None or step.index >= len(declared):
            return ""
        return show(ctx, getattr(declared[step.index], name))

    rows = tuple(
        (
            str(s.number),
            L.term(s.step),
            s.planned.isoformat() if s.planned else "",
            s.done_on.isoformat() if s.done_on else "",
            L.term(s.status),
            _shown(ctx, s),
            written(s, "note"),
            written(s, "evidence"),
        )
        for s in roadmap.steps
    )
    current = roadmap.current
    doc = Document("roadmap", L("roadmap"))
    if current is not None:
        doc.add(
            Fields(
                (
                    (L("current-step"), f"{current.number} {L.term(current.step)}"),
                    (L("blocker"), L.say(roadmap.blocker or "")),
                )
            )
        )
    headers: tuple[str, ...] = (
        "#",
        L("step"),
        L("planned"),
        L("done"),
        L("status"),
        L("records-show"),
        L("field.note"),
        L("evidence"),
    )
    return doc.add(Table(headers, rows, sheet="Roadmap"), listed(ctx, len(rows)))
