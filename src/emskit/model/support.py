"""7.2-7.5: competence, training, communication, controlled documents."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from emskit.model.common import PEOPLE, ClauseList, Date, Id, Model, Period, PersonRef, Ref, Text


class CompetenceRequirement(Model):
    """What a role needs to know; linked from training records and licences by its id."""

    id: Id | None = Field(
        default=None, description="Id of the requirement (e.g. CMP-003), so records can name it."
    )
    role: Annotated[str, Ref("role")]
    competence: Text
    training: list[Text] = Field(default_factory=list)
    special_position: bool = False
    licence: Text | None = None
    valid_for: Period | None = Field(
        default=None,
        description="How long a passed training stays valid (e.g. P3Y): a refresher is due after.",
    )


class Competence(Model):
    requirements: list[CompetenceRequirement] = Field(default_factory=list)


class Training(Model):
    id: Id
    date: Date
    topic: Text
    trainer: Annotated[str, Ref(*PEOPLE, text_allowed=True)] | None = (
        None  # a person, or an outside trainer by name
    )
    attendees: list[PersonRef] = Field(default_factory=list)
    assessment: Literal["passed", "failed", "not-assessed"] = "not-assessed"
    requirements: list[Annotated[str, Ref("competence-requirement")]] = Field(
        default_factory=list, description="Competence requirements this training meets."
    )
    evidence: list[str] = Field(default_factory=list)


class PlannedCommunication(Model):
    what: Text
    audience: Literal["internal", "external"]
    with_: Text | None = Field(default=None, alias="with")
    when: Period | Text | None = None
    how: Text | None = None
    by: PersonRef | None = None


class CommunicationPlan(Model):
    plan: list[PlannedCommunication] = Field(default_factory=list)


class Communication(Model):
    id: Id
    date: Date
    direction: Literal["in", "out"]
    party: Annotated[str, Ref("party")] | None = None
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
    owner: PersonRef | None = None
    approved_by: PersonRef | None = None
    approved_on: Date | None = None
    review_interval: Period | None = None
    status: Literal["draft", "approved", "obsolete"] = "draft"
    evidence: list[str] = Field(default_factory=list)


class DocumentIssue(Model):
    """One issue of a controlled document's version to holders of controlled copies."""

    document: Annotated[str, Ref("document")] = Field(description="The document issued.")
    approved_on: Date = Field(description="The approved_on date of the version issued.")
    to: list[Text] = Field(min_length=1, description="Holders that received a controlled copy.")
    issued_on: Date | None = Field(default=None, description="Date the copies were handed out.")
    by: PersonRef | None = Field(default=None, description="Who issued the copies.")
    withdraws: Date | None = Field(
        default=None,
        description="The approved_on of the version this issue replaces (withdrawn) at those holders.",
    )


class Distribution(Model):
    """documents/distribution.yaml: issue and withdrawal of controlled copies (7.5.3)."""

    issues: list[DocumentIssue] = Field(default_factory=list, description="Issues, oldest first.")
