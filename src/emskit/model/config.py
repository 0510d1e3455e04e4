"""emskit.yaml: organisation, EMS settings, certification, scoring method, rule levels."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field

from emskit.model.common import Date, Id, Model, Number, Period, Text
from emskit.vocabulary import Condition, Edition

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
PRESETS: tuple[str, ...] = get_args(Preset)


class Site(Model):
    id: Id
    name: Text
    address: Text | None = None
    employees: Annotated[int, Field(ge=0, le=10_000_000)] | None = None


class Organization(Model):
    name: Text
    legal_name: Text | None = None
    registration_id: str | None = None
    address: Text | None = None
    sector: Text | None = None
    employees: Annotated[int, Field(ge=0, le=10_000_000)] | None = None
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


class Material(Model):
    """One application material: its files, and where it has them, its number and validity."""

    files: list[str] = Field(default_factory=list, description="Paths of the material's files.")
    number: str | None = Field(default=None, description="Number of the permit or approval.")
    valid_until: Date | None = Field(
        default=None, description="Last day it is valid; an expired material does not count."
    )
    not_applicable: Text | None = Field(
        default=None,
        description="Why the material does not apply (counts for eia_approval, acceptance_report, "
        "three_simultaneities and discharge_permit).",
    )


def _listed(value: Any) -> Any:
    """The format's first form, a bare list of files, is a material with only files."""
    return {"files": value} if isinstance(value, list) else value


MaterialField = Annotated[
    Material | None,
    BeforeValidator(_listed, json_schema_input_type=list[str] | Material | None),
    Field(default=None),
]


class Application(Model):
    """The materials of a certification application (China): each a list of files or a mapping."""

    legal_status: MaterialField
    company_profile: MaterialField
    process_flow: MaterialField
    mandatory_standards: MaterialField
    eia_approval: MaterialField
    acceptance_report: MaterialField
    three_simultaneities: MaterialField
    discharge_permit: MaterialField
    compliance_certificate: MaterialField
    emergency_plan_filing: MaterialField
    monitoring_reports: MaterialField
    site_plan: MaterialField
    group_authorisation: MaterialField

    def files_of(self, name: str) -> list[str]:
        """The files listed for material ``name`` (none when it is absent)."""
        material = getattr(self, name, None)
        return list(material.files) if isinstance(material, Material) else []


class Contact(Model):
    """Who the certification body talks to."""

    name: Text | None = Field(default=None, description="Contact person.")
    phone: str | None = Field(default=None, description="Telephone number.")
    email: str | None = Field(default=None, description="E-mail address.")


class Certification(Model):
    body: Text | None = None
    status: Literal["preparing", "applied", "certified", "suspended", "withdrawn"] = "preparing"
    stage1: Date | None = None
    stage2: Stage2 | None = None
    decision: Date | None = None
    certificate: Certificate | None = None
    surveillance: list[Surveillance] = Field(default_factory=list)
    application: Application | None = None
    contact: Contact | None = Field(default=None, description="The application's contact person.")
    legal_representative: Text | None = Field(
        default=None, description="The organisation's legal representative (法定代表人)."
    )
    shifts: Annotated[int, Field(ge=1)] | Text | None = Field(
        default=None, union_mode="left_to_right", description="Number (or pattern) of work shifts."
    )
    outsourced: list[Text] = Field(
        default_factory=list, description="Processes outsourced to others (8.1)."
    )
    consultant: Text | None = Field(default=None, description="The consultancy assisting the EMS.")
    complexity: Literal["high", "medium", "low", "limited"] | None = Field(
        default=None, description="Environmental complexity category of IAF MD 5."
    )


class Criterion(Model):
    # An empty scale is reported by the significance-method rule (EMS401), which can say why.
    values: list[Number | Literal["no", "yes"]]
    label: Text | None = None
    meanings: dict[str, Text] | None = Field(
        default=None,
        description="What each value of the scale means, by value: {1: rare, 5: daily}; "
        "the aspects register prints it.",
    )


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
    condition: Condition | None = None
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
    by_condition: dict[Condition, Method] = Field(default_factory=dict)


# The largest file size limit one may set: a limit is a guard, and files this large are
# better split than read whole into memory.
MAX_LIMIT_MB = 1024


class Limits(Model):
    yaml_mb: Annotated[float, Field(gt=0, le=MAX_LIMIT_MB)] = 10
    csv_mb: Annotated[float, Field(gt=0, le=MAX_LIMIT_MB)] = 50
    msds_max_age: Period = Field(
        default="P5Y", description="Oldest revision age of a hazardous chemical's MSDS."
    )


class Config(Model):
    emskit: Literal[1]
    organization: Organization
    ems: Ems
    certification: Certification | None = None
    significance: Significance | None = None
    rules: dict[str, Level] = Field(default_factory=dict)
    limits: Limits = Limits()
