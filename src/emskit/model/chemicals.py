"""8.1 chemicals: the chemical register and each hazardous chemical's safety data sheet."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from emskit.model.common import Date, Id, Model, Number, PersonRef, Ref, Text


class Quantity(Model):
    """An amount with its unit (2 t, 450 L)."""

    value: Number = Field(description="How much, in the unit that follows.")
    unit: str = Field(description="The unit of the value: t, kg, L, m3.")


class Msds(Model):
    """The (material) safety data sheet of a chemical, as filed and as posted at the points of use."""

    file: str = Field(
        description="Path of the MSDS file in the repository (e.g. evidence/msds/xylene.pdf)."
    )
    revised: Date | None = Field(
        default=None,
        description="Revision date printed on the sheet; too old after limits.msds_max_age.",
    )
    posted_at_use: bool = Field(
        default=False, description="True when a copy is posted at every point of use."
    )


class Chemical(Model):
    """One chemical kept or used on site (CN: 危险化学品 when hazardous)."""

    id: Id = Field(description="Unique id of the chemical, e.g. CHEM-001.")
    name: Text = Field(description="Trade or chemical name, in one or more languages.")
    cas: str | None = Field(default=None, description="CAS registry number.")
    hazardous: bool = Field(
        default=False,
        description="A hazardous chemical (CN: listed in the 危险化学品目录); needs an MSDS.",
    )
    hazard_classes: list[str] = Field(
        default_factory=list, description="GHS hazard classes, e.g. flammable-liquid."
    )
    stored_at: Text | None = Field(default=None, description="The store where it is kept.")
    max_stock: Quantity | None = Field(default=None, description="Largest amount held at one time.")
    used_at: list[Text] = Field(
        default_factory=list, description="Points of use, where the MSDS must be posted."
    )
    msds: Msds | None = Field(
        default=None, description="Its safety data sheet (required when hazardous)."
    )
    aspects: list[Annotated[str, Ref("aspect")]] = Field(
        default_factory=list, description="Environmental aspects the chemical gives rise to."
    )
    obligations: list[Annotated[str, Ref("obligation")]] = Field(
        default_factory=list, description="Compliance obligations that govern it."
    )
    owner: PersonRef | None = Field(default=None, description="Role or person responsible for it.")
