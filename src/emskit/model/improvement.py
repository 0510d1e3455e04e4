"""10.2 and incidents: nonconformities with their corrective actions, environmental incidents."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from emskit.model.common import AnyRef, Date, Id, Model, PersonRef, Ref, Text


class CorrectiveAction(Model):
    id: Id | None = None
    what: Text
    who: PersonRef | None = None
    due: Date | None = None
    done_on: Date | None = None


class Effectiveness(Model):
    checked_on: Date
    effective: bool
    by: PersonRef | None = None
    note: Text | None = None


class Nonconformity(Model):
    id: Id
    raised: Date
    source: Literal[
        "audit", "evaluation", "incident", "complaint", "monitoring", "drill", "review", "other"
    ]
    source_ref: AnyRef | None = None
    description: Text
    requirement: str | None = None
    grade: Literal["major", "minor"] = "minor"
    correction: Text | None = None
    root_cause: Text | None = None
    corrective_actions: list[CorrectiveAction] = Field(default_factory=list)
    effectiveness: Effectiveness | None = None
    status: Literal["open", "closed"] = "open"
    closed_on: Date | None = None
    evidence: list[str] = Field(default_factory=list)


class Incident(Model):
    id: Id
    date: Date
    type: Literal[
        "spill", "release", "exceedance", "pollution", "fire", "complaint", "near-miss", "other"
    ]
    description: Text
    pollution: bool = False
    reported_to_authority: bool = False
    penalty: bool = False
    aspects: list[Annotated[str, Ref("aspect")]] = Field(default_factory=list)
    indicators: list[Annotated[str, Ref("indicator")]] = Field(
        default_factory=list, description="Indicators whose readings the incident concerns."
    )
    controls: list[Annotated[str, Ref("control")]] = Field(
        default_factory=list,
        description="Controls whose operating criteria were not met (a breach, 8.1).",
    )
    obligations: list[Annotated[str, Ref("obligation")]] = Field(
        default_factory=list, description="Compliance obligations the incident breached."
    )
    nonconformity: Annotated[str, Ref("nonconformity")] | None = None
    evidence: list[str] = Field(default_factory=list)
