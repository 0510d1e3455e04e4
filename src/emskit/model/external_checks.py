"""9.1: checks made by outsiders: authority inspections and third-party monitoring reports."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from emskit.model.common import Date, Evidence, Id, Model, Number, Ref, Text


class Inspection(Model):
    """A visit or spot check by an authority (CN: 环保部门监督检查)."""

    id: Id = Field(description="Unique id of the inspection, e.g. INS-2026-02.")
    date: Date = Field(description="Date of the visit.")
    authority: Text = Field(description="The authority that inspected.")
    type: Literal["spot-check", "routine", "complaint", "permit", "enforcement", "other"] = Field(
        description="Why the authority came."
    )
    result: Literal["passed", "failed", "observations"] = Field(description="What it concluded.")
    findings: Text | None = Field(default=None, description="What the inspectors noted.")
    penalty: bool = Field(default=False, description="An administrative penalty was decided.")
    action: Annotated[str, Ref("nonconformity", "action")] | None = Field(
        default=None,
        description="The nonconformity or action raised (required when failed or penalised).",
    )
    evidence: Evidence = Field(default_factory=list, description="The inspection record.")


class ReportResult(Model):
    """One result of a monitoring report: a reading of an indicator on the report date."""

    indicator: Annotated[str, Ref("indicator")] = Field(description="The indicator measured.")
    value: Number = Field(description="The measured value, in the indicator's unit.")
    point: str | None = Field(default=None, description="Monitoring point (outlet id), e.g. DA001.")


class MonitoringReport(Model):
    """A third-party (laboratory) monitoring report (CN: 检测报告)."""

    id: Id = Field(description="Unique id of the report, e.g. MON-2026-Q3.")
    date: Date = Field(description="Sampling date of the report.")
    laboratory: Text = Field(description="The testing laboratory.")
    accreditation: str | None = Field(default=None, description="Its accreditation (CMA) number.")
    points: list[str] = Field(default_factory=list, description="Monitoring points sampled.")
    results: list[ReportResult] = Field(
        min_length=1,
        description="The results; each is a reading of an indicator on the report date.",
    )
    evidence: Evidence = Field(default_factory=list, description="The signed report.")
