"""emskit.yaml: organisation, EMS settings, certification, scoring method, rule levels."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from emskit.model.common import Date, Id, Model, Number, Text

Edition = Literal["2015", "2015+A1:2024", "2026"]
EDITIONS: tuple[str, ...] = ("2015", "2015+A1:2024", "2026")
SUPPORTED_FORMATS = (1,)
Level = Literal["error", "warning", "info", "off"]
Preset = Literal[
    "likelihood-x-severity",
    "likelihood-x-severity-50",
    "additive-5",
    "multi-factor-cn",
    "fine-kinney",
    "yes-no-screening",
]
PRESETS: tuple[str, ...] = Preset.__args__  # type: ignore[attr-defined]


class Site(Model):
    id: Id
    name: Text
    address: Text | None = None
    employees: Annotated[int, Field(ge=0)] | None = None


class Organization(Model):
    name: Text
    legal_name: Text | None = None
    registration_id: str | None = None
    address: Text | None = None
    sector: Text | None = None
    employees: Annotated[int, Field(ge=0)] | None = None
    sites: list[Site] = Field(default_factory=list)


class Ems(Model):
    edition: Edition
    scope: Text
    operating_since: Date | None = None
    language: Literal["en", "zh-CN"] = "en"
    jurisdiction: str | None = None


class Stage2(Model):
    start: Date
    end: Date | None = None


class Certificate(Model):
    number: str | None = None
    issued: Date | None = None
    expires: Date | None = None


class Surveillance(Model):
    due: Date | None = None
    done: Date | None = None


class Application(Model):
    legal_status: list[str] = Field(default_factory=list)
    company_profile: list[str] = Field(default_factory=list)
    process_flow: list[str] = Field(default_factory=list)
    mandatory_standards: list[str] = Field(default_factory=list)
    eia_approval: list[str] = Field(default_factory=list)
    acceptance_report: list[str] = Field(default_factory=list)
    three_simultaneities: list[str] = Field(default_factory=list)
    discharge_permit: list[str] = Field(default_factory=list)
    compliance_certificate: list[str] = Field(default_factory=list)
    monitoring_reports: list[str] = Field(default_factory=list)
    site_plan: list[str] = Field(default_factory=list)
    group_authorisation: list[str] = Field(default_factory=list)


class Certification(Model):
    body: Text | None = None
    status: Literal["preparing", "applied", "certified", "suspended", "withdrawn"] = "preparing"
    stage1: Date | None = None
    stage2: Stage2 | None = None
    decision: Date | None = None
    certificate: Certificate | None = None
    surveillance: list[Surveillance] = Field(default_factory=list)
    application: Application | None = None


class Criterion(Model):
    # An empty scale is reported by the significance-method rule (EMS401), which can say why.
    values: list[Number | Literal["no", "yes"]]
    label: Text | None = None


class Term(Model):
    criterion: str | None = None
    product: list[str] | None = None
    weight: Number = 1


class WeightedSum(Model):
    terms: Annotated[list[Term], Field(min_length=1)]


class OverrideWhen(Model):
    criterion: str | None = None
    equals: Number | Literal["no", "yes"] | None = None
    at_least: Number | None = None
    at_most: Number | None = None
    condition: Literal["normal", "abnormal", "emergency"] | None = None
    category: str | None = None
    tense: Literal["past", "present", "future"] | None = None
    control: Literal["direct", "indirect"] | None = None
    beneficial: bool | None = None
    has: Literal["obligations", "controls", "objectives", "indicators"] | None = None


class Override(Model):
    when: OverrideWhen
    reason: Text


class Method(Model):
    preset: Preset | None = None
    criteria: dict[str, Criterion] | None = None
    aggregate: Literal["sum", "product", "max"] | WeightedSum | None = None
    threshold: Number | None = None
    threshold_inclusive: bool = True
    overrides: list[Override] = Field(default_factory=list)


class Significance(Method):
    by_condition: dict[Literal["normal", "abnormal", "emergency"], Method] = Field(
        default_factory=dict
    )


class Limits(Model):
    yaml_mb: Annotated[float, Field(gt=0)] = 10
    csv_mb: Annotated[float, Field(gt=0)] = 50


class Config(Model):
    emskit: Literal[1]
    organization: Organization
    ems: Ems
    certification: Certification | None = None
    significance: Significance | None = None
    rules: dict[str, Level] = Field(default_factory=dict)
    limits: Limits = Limits()
