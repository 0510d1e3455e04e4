"""6.1.2-6.2: aspects, compliance obligations, objectives and their plans."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from emskit.model.common import Date, Id, Model, Number, Period, PersonRef, Ref, Text
from emskit.vocabulary import Condition

Category = Literal[
    "emissions-to-air",
    "releases-to-water",
    "releases-to-land",
    "resource-use",
    "energy-use",
    "emitted-energy",
    "waste",
    "land-use",
    "other",
]


class Aspect(Model):
    id: Id
    site: Annotated[str, Ref("site")] | None = None
    department: Text | None = None
    activity: Text
    aspect: Text
    impact: Annotated[list[Text], Field(min_length=1)] | Text
    category: Category | None = None
    condition: Condition
    tense: Literal["past", "present", "future"] = "present"
    lifecycle_stage: (
        Literal[
            "raw-materials",
            "design",
            "procurement",
            "production",
            "transport",
            "use",
            "end-of-life",
        ]
        | None
    ) = None
    control: Literal["direct", "indirect"] = "direct"
    beneficial: bool = False
    scores: dict[str, Number | Literal["no", "yes"]] = Field(default_factory=dict)
    significant: bool | None = None
    significance_note: Text | None = None
    obligations: list[Annotated[str, Ref("obligation")]] = Field(default_factory=list)
    controls: list[Annotated[str, Ref("control")]] = Field(default_factory=list)
    objectives: list[Annotated[str, Ref("objective")]] = Field(default_factory=list)
    indicators: list[Annotated[str, Ref("indicator")]] = Field(default_factory=list)
    owner: PersonRef | None = None
    reviewed: Date | None = None
    evidence: list[str] = Field(default_factory=list)


class Obligation(Model):
    id: Id
    type: Literal["legal", "permit", "other"]
    title: Text
    authority: Text | None = None
    jurisdiction: str | None = None
    reference: Text | None = None
    requirement: Text
    applies_to: list[Annotated[str, Ref("site")]] = Field(default_factory=list)
    aspects: list[Annotated[str, Ref("aspect")]] = Field(default_factory=list)
    status: Literal["applicable", "not-applicable", "pending"] = "applicable"
    effective: Date | None = None
    expires: Date | None = None
    evaluation_frequency: Period | None = None
    owner: PersonRef | None = None
    evidence: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _frequency_when_applicable(self) -> Obligation:
        if self.status == "applicable" and self.evaluation_frequency is None:
            raise ValueError(
                "evaluation_frequency is required for an applicable obligation (9.1.2): "
                "add e.g. 'evaluation_frequency: annual'"
            )
        return self


class Baseline(Model):
    value: Number
    date: Date | None = None


class Target(Model):
    value: Number
    by: Date


class ObjectiveAction(Model):
    id: Id | None = None
    what: Text
    who: PersonRef | None = None
    due: Date | None = None
    status: Literal["open", "done", "cancelled"] = "open"
    done_on: Date | None = None

    @model_validator(mode="after")
    def _done_on_when_done(self) -> ObjectiveAction:
        if self.status == "done" and self.done_on is None:
            raise ValueError("an action with status done needs done_on (the date it was done)")
        return self


class Objective(Model):
    id: Id
    title: Text
    addresses: Annotated[
        list[Annotated[str, Ref("aspect", "obligation", "risk", "issue")]], Field(min_length=1)
    ]
    indicator: Annotated[str, Ref("indicator")] | None = None
    baseline: Baseline | None = None
    target: Target
    direction: Literal["decrease", "increase"] = "decrease"
    owner: PersonRef
    resources: Text | None = None
    actions: list[ObjectiveAction] = Field(default_factory=list)
    evaluation: Text | None = None
    status: Literal["active", "achieved", "missed", "cancelled"] = "active"
    evidence: list[str] = Field(default_factory=list)
