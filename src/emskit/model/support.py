"""7.2-7.5: competence, training, communication, controlled documents."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from emskit.model.common import PEOPLE, ClauseList, Date, Id, Model, Period, Ref, Text


class CompetenceRequirement(Model):
    role: Ref("role")
    competence: Text
    training: list[Text] = Field(default_factory=list)
    special_position: bool = False
    licence: Text | None = None


class Competence(Model):
    requirements: list[CompetenceRequirement] = Field(default_factory=list)


class Training(Model):
    id: Id
    date: Date
    topic: Text
    trainer: Ref(*PEOPLE, text_allowed=True) | None = (
        None  # a person, or an outside trainer by name
    )
    attendees: list[Ref(*PEOPLE)] = Field(default_factory=list)
    assessment: Literal["passed", "failed", "not-assessed"] = "not-assessed"
    evidence: list[str] = Field(default_factory=list)


class PlannedCommunication(Model):
    what: Text
    audience: Literal["internal", "external"]
    with_: Text | None = Field(default=None, alias="with")
    when: Period | Text | None = None
    how: Text | None = None
    by: Ref(*PEOPLE) | None = None


class CommunicationPlan(Model):
    plan: list[PlannedCommunication] = Field(default_factory=list)


class Communication(Model):
    id: Id
    date: Date
    direction: Literal["in", "out"]
    party: Ref("party") | None = None
    subject: Text
    complaint: bool = False
    response: Text | None = None
    responded_on: Date | None = None
    evidence: list[str] = Field(default_factory=list)


class Document(Model):
    """Front matter of a controlled document (Markdown)."""

    id: Id
    title: Text
    type: Literal["manual", "procedure", "instruction", "form", "plan", "external"]
    clauses: ClauseList = Field(default_factory=list)
    owner: Ref(*PEOPLE) | None = None
    approved_by: Ref(*PEOPLE) | None = None
    approved_on: Date | None = None
    review_interval: Period | None = None
    status: Literal["draft", "approved", "obsolete"] = "draft"
    evidence: list[str] = Field(default_factory=list)
