"""8.1-8.2: operational controls, emergency scenarios and drills."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from emskit.model.common import Date, Id, Model, Period, PersonRef, Ref, Text


class Control(Model):
    id: Id
    title: Text
    type: Literal[
        "procedure", "engineering", "inspection", "procurement", "contractor", "design", "other"
    ] = "procedure"
    aspects: list[Annotated[str, Ref("aspect")]] = Field(default_factory=list)
    document: Annotated[str, Ref("document")] | None = None
    criteria: Text | None = None
    owner: PersonRef | None = None
    evidence: list[str] = Field(default_factory=list)


class Scenario(Model):
    id: Id
    scenario: Text
    aspects: list[Annotated[str, Ref("aspect")]] = Field(default_factory=list)
    response: Annotated[str, Ref("document", text_allowed=True)] | Text | None = None
    equipment: list[Text] = Field(default_factory=list)
    drill_frequency: Period | None = None
    drill_not_practicable: Text | None = Field(
        default=None,
        description="Why the scenario cannot be drilled (e.g. a real fire in the store): "
        "tested another way instead (a tabletop exercise, a walk-through).",
    )
    owner: PersonRef | None = None
    evidence: list[str] = Field(default_factory=list)


class Drill(Model):
    id: Id
    scenario: Annotated[str, Ref("scenario")]
    date: Date
    participants: list[PersonRef] = Field(default_factory=list)
    outcome: Text | None = None
    actions: list[Annotated[str, Ref("nonconformity", "action")]] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
