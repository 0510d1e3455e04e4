"""4.1-6.1.1: context, interested parties, policy, roles and people, risks."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from emskit.model.common import Date, Id, Model, PersonRef, Ref, Text


class Issue(Model):
    id: Id
    type: Literal["internal", "external"]
    topic: Text | None = None
    description: Text
    effect: Literal["risk", "opportunity", "both", "neutral"] | None = None


class ClimateChange(Model):
    relevant: bool
    rationale: Text


class InterestedParty(Model):
    id: Id
    name: Text
    type: Literal["internal", "external"] | None = None
    needs: Text | None = None
    compliance_obligation: bool = False
    obligations: list[Annotated[str, Ref("obligation")]] = Field(default_factory=list)


class Context(Model):
    issues: list[Issue] = Field(default_factory=list)
    climate_change: ClimateChange | None = None
    interested_parties: list[InterestedParty] = Field(default_factory=list)


class Commitments(Model):
    environmental_protection: bool = False
    compliance_obligations: bool = False
    continual_improvement: bool = False


class Policy(Model):
    id: Id
    text: Text
    commitments: Commitments
    approved_by: PersonRef
    approved_on: Date
    public: bool = False
    evidence: list[str] = Field(default_factory=list)


class Role(Model):
    id: Id
    title: Text
    top_management: bool = False
    ems_representative: bool = False
    responsibilities: Text | None = None


class Licence(Model):
    """A certificate a person holds for a special position (CN: 特种作业操作证, 上岗证)."""

    requirement: Annotated[str, Ref("competence-requirement")] = Field(
        description="The competence requirement the licence meets."
    )
    number: str | None = Field(default=None, description="Certificate number.")
    issued_by: Text | None = Field(default=None, description="Who issued it.")
    issued: Date | None = Field(default=None, description="Date it was issued.")
    expires: Date | None = Field(default=None, description="Last day it is valid.")
    evidence: list[str] = Field(default_factory=list, description="A copy of the certificate.")


class Person(Model):
    id: Id
    name: Text
    roles: list[Annotated[str, Ref("role")]] = Field(default_factory=list)
    licences: list[Licence] = Field(
        default_factory=list, description="Licences (certificates of special positions) held."
    )
    git: list[str] = Field(
        default_factory=list,
        description="E-mail addresses this person commits under in git: their commits show "
        "under the person's name and role (the master list's 'changed by').",
    )


class Roles(Model):
    roles: list[Role] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)


class Risk(Model):
    id: Id
    type: Literal["risk", "opportunity"]
    description: Text
    sources: list[Annotated[str, Ref("issue", "party", "aspect", "obligation")]] = Field(
        default_factory=list
    )
    actions: list[Annotated[str, Ref("control", "objective", "action", "scenario")]] = Field(
        default_factory=list
    )
    owner: PersonRef | None = None
    evidence: list[str] = Field(default_factory=list)


class Risks(Model):
    risks: list[Risk] = Field(default_factory=list)
