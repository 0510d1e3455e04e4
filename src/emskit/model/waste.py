"""8.1 waste: waste streams, the licensed contractors that receive them, and each transfer."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field

from emskit.model.chemicals import Quantity
from emskit.model.common import Date, Evidence, Id, Model, Period, Ref, Text

# The longest a hazardous batch may be stored when its stream names no limit (CN: one year).
DEFAULT_STORAGE_LIMIT = "P1Y"
_CATEGORY = re.compile(r"^\s*(HW\d{2})", re.IGNORECASE)


class WasteStream(Model):
    """One waste stream: what it is, where it is stored and who receives it."""

    id: Id = Field(description="Unique id of the stream, e.g. WST-001.")
    name: Text = Field(description="What the waste is, in one or more languages.")
    hazardous: bool = Field(default=False, description="A hazardous waste (CN: 危险废物).")
    code: str | None = Field(
        default=None,
        description="Category and code of the National Hazardous Waste List, e.g. 'HW12 900-252-12'.",
    )
    store: Text | None = Field(
        default=None, description="The store where batches wait for transfer."
    )
    storage_limit: Period | None = Field(
        default=None,
        description="Longest time a batch may be stored (P1Y when hazardous and not given).",
    )
    contractor: Annotated[str, Ref("contractor")] | None = Field(
        default=None, description="The licensed receiver (required when hazardous)."
    )
    aspects: list[Annotated[str, Ref("aspect")]] = Field(
        default_factory=list, description="Environmental aspects the stream belongs to."
    )
    annual_estimate: Quantity | None = Field(default=None, description="Expected amount per year.")

    @property
    def category(self) -> str | None:
        """The HWnn category at the start of ``code``, upper case; None when there is none."""
        match = _CATEGORY.match(self.code or "")
        return match.group(1).upper() if match else None


class WasteLicence(Model):
    """A contractor's hazardous waste business licence (CN: 危险废物经营许可证)."""

    number: str = Field(description="Licence number.")
    categories: list[str] = Field(
        default_factory=list, description="The HWnn categories the licence allows it to receive."
    )
    expires: Date | None = Field(default=None, description="Last day the licence is valid.")
    evidence: Evidence = Field(default_factory=list, description="Copies of the licence.")


class WasteContract(Model):
    """The disposal contract with a contractor."""

    signed: Date | None = Field(default=None, description="Date the contract was signed.")
    expires: Date | None = Field(default=None, description="Last day the contract is valid.")
    evidence: Evidence = Field(default_factory=list, description="Copies of the contract.")


class Contractor(Model):
    """A waste contractor (receiver, recycler, disposer)."""

    id: Id = Field(description="Unique id of the contractor, e.g. CON-001.")
    name: Text = Field(description="The contractor's registered name.")
    licence: WasteLicence | None = Field(default=None, description="Its hazardous waste licence.")
    contract: WasteContract | None = Field(default=None, description="The contract with it.")


class WasteFile(Model):
    """A file under waste/: streams and contractors."""

    streams: list[WasteStream] = Field(default_factory=list, description="Waste streams.")
    contractors: list[Contractor] = Field(
        default_factory=list, description="Licensed waste contractors."
    )


class WasteTransfer(Model):
    """One transfer of a waste stream to a contractor, with its transfer manifest (转移联单)."""

    id: Id = Field(description="Unique id of the transfer, e.g. WT-2026-014.")
    date: Date = Field(description="Date the waste left the site.")
    stream: Annotated[str, Ref("waste-stream")] = Field(description="The waste stream transferred.")
    quantity: Quantity | None = Field(default=None, description="Amount transferred.")
    contractor: Annotated[str, Ref("contractor")] = Field(
        description="The contractor that received it."
    )
    manifest: str | None = Field(
        default=None, description="Transfer manifest number (electronic since 2022); required."
    )
    received_on: Date | None = Field(default=None, description="Date the contractor received it.")
    evidence: Evidence = Field(default_factory=list, description="The manifest and weighing slips.")
