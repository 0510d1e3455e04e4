"""8.1-8.2: operational controls, emergency scenarios and drills."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from emskit.model.common import PEOPLE, Date, Id, Model, Period, Ref, Text


class Control(Model):
    id: Id
    title: Text
    type: Literal[
        "procedure", "engineering", "inspection", "procurement", "contractor", "design", "other"
    ] = "procedure"
    aspects: list[Ref("aspect")] = Field(default_factory=list)
    document: Ref("document") | None = None
    criteria: Text | None = None
    owner: Ref(*PEOPLE) | None = None
    evidence: list[str] = Field(default_factory=list)


class Scenario(Model):
    id: Id
    scenario: Text
    aspects: list[Ref("aspect")] = Field(default_factory=list)
    response: Ref("document", text_allowed=True) | Text | None = None
    equipment: list[Text] = Field(default_factory=list)
    drill_frequency: Period | None = None
    owner: Ref(*PEOPLE) | None = None
    evidence: list[str] = Field(default_factory=list)


class Drill(Model):
    id: Id
    scenario: Ref("scenario")
    date: Date
    participants: list[Ref(*PEOPLE)] = Field(default_factory=list)
    outcome: Text | None = None
    actions: list[Ref("nonconformity", "action")] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
