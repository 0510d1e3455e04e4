"""4.1-6.1.1: context, interested parties, policy, roles and people, risks."""

from __future__ import annotations

from typing import Literal

from emskit.model.common import PEOPLE, Date, Id, Model, Ref, Text


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
    obligations: list[Ref("obligation")] = []


class Context(Model):
    issues: list[Issue] = []
    climate_change: ClimateChange | None = None
    interested_parties: list[InterestedParty] = []


class Commitments(Model):
    environmental_protection: bool = False
    compliance_obligations: bool = False
    continual_improvement: bool = False


class Policy(Model):
    id: Id
    text: Text
    commitments: Commitments
    approved_by: Ref(*PEOPLE)
    approved_on: Date
    public: bool = False
    evidence: list[str] = []


class Role(Model):
    id: Id
    title: Text
    top_management: bool = False
    ems_representative: bool = False
    responsibilities: Text | None = None


class Person(Model):
    id: Id
    name: Text
    roles: list[Ref("role")] = []


class Roles(Model):
    roles: list[Role] = []
    people: list[Person] = []


class Risk(Model):
    id: Id
    type: Literal["risk", "opportunity"]
    description: Text
    sources: list[Ref("issue", "party", "aspect", "obligation")] = []
    actions: list[Ref("control", "objective", "action", "scenario")] = []
    owner: Ref(*PEOPLE) | None = None
    evidence: list[str] = []


class Risks(Model):
    risks: list[Risk] = []
