"""9.1-9.3: indicators and equipment, compliance evaluations, audits, management reviews."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from emskit.model.common import (
    AnyRef,
    ClauseList,
    Date,
    Id,
    Model,
    Number,
    Period,
    PersonRef,
    Ref,
    Text,
)


class Limit(Model):
    min: Number | None = None
    max: Number | None = None


class Indicator(Model):
    id: Id
    name: Text
    unit: str
    frequency: Period | None = None
    method: Text | None = None
    limit: Limit | None = None
    aspects: list[Annotated[str, Ref("aspect")]] = Field(default_factory=list)
    obligations: list[Annotated[str, Ref("obligation")]] = Field(default_factory=list)
    equipment: list[Annotated[str, Ref("equipment")]] = Field(default_factory=list)
    owner: PersonRef | None = None


class Equipment(Model):
    id: Id
    name: Text
    calibrated_on: Date | None = None
    calibration_interval: Period | None = None
    evidence: list[str] = Field(default_factory=list)


class Indicators(Model):
    indicators: list[Indicator] = Field(default_factory=list)
    equipment: list[Equipment] = Field(default_factory=list)


class EvaluationResult(Model):
    obligation: Annotated[str, Ref("obligation")]
    result: Literal["compliant", "non-compliant", "partial", "not-applicable"]
    note: Text | None = None
    action: Annotated[str, Ref("nonconformity")] | None = None


class Evaluation(Model):
    id: Id
    date: Date
    evaluator: PersonRef
    method: Text | None = None
    results: Annotated[list[EvaluationResult], Field(min_length=1)]
    evidence: list[str] = Field(default_factory=list)
    approved_by: PersonRef | None = None


class PlannedAudit(Model):
    id: Id
    planned: Date
    clauses: ClauseList = "all"
    sites: list[Annotated[str, Ref("site")]] = Field(default_factory=list)
    lead: PersonRef | None = None
    objectives: Text | None = None
    criteria: Text | None = None
    scope: Text | None = None


class Programme(Model):
    period: str | None = None
    audits: list[PlannedAudit] = Field(default_factory=list)


class AuditFinding(Model):
    id: str
    type: Literal["nonconformity", "observation", "opportunity", "conformity"]
    grade: Literal["major", "minor"] | None = None
    clause: str | None = None
    description: Text
    nonconformity: Annotated[str, Ref("nonconformity")] | None = None


class Audit(Model):
    id: Id
    planned_as: Annotated[str, Ref("audit-plan")] | None = None
    type: Literal["internal", "external", "certification", "surveillance", "supplier"] = "internal"
    date: Date
    end: Date | None = None
    auditors: Annotated[list[PersonRef], Field(min_length=1)]
    scope: Text | None = None
    clauses: ClauseList = "all"
    findings: list[AuditFinding] = Field(default_factory=list)
    conclusion: Text | None = None
    evidence: list[str] = Field(default_factory=list)


ReviewInput = Text | list[AnyRef]


class ReviewAction(Model):
    id: Id | None = None
    what: Text
    who: PersonRef | None = None
    due: Date | None = None
    done_on: Date | None = None


class ReviewOutputs(Model):
    conclusions: Text | None = None
    improvements: Text | None = None
    changes: Text | None = None
    resources: Text | None = None
    objectives_not_achieved: Text | None = None
    integration: Text | None = None
    strategic: Text | None = None
    actions: list[ReviewAction] = Field(default_factory=list)


class Review(Model):
    id: Id
    date: Date
    chair: PersonRef
    attendees: list[PersonRef] = Field(default_factory=list)
    audits: list[Annotated[str, Ref("audit")]] = Field(default_factory=list)
    inputs: dict[
        Literal[
            "previous_actions",
            "changes",
            "objectives",
            "performance",
            "resources",
            "communications",
            "opportunities",
            "risks",
            "compliance",
            "audits",
            "nonconformities",
            "monitoring",
        ],
        ReviewInput,
    ] = {}  # noqa: RUF012 - pydantic copies defaults; the schema shows the empty default
    outputs: ReviewOutputs | None = None
    evidence: list[str] = Field(default_factory=list)
