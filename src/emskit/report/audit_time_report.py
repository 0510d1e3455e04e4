"""emskit audit-time as text and as JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import TextIO

from emskit.certification.audit_time import AuditTime
from emskit.report.json_out import write_json


def render_json(result: AuditTime, out: TextIO) -> None:
    write_json({"estimate": True, **asdict(result)}, out)


def render_text(result: AuditTime, out: TextIO) -> None:
    out.write(
        f"Audit time ESTIMATE for {result.personnel} effective personnel, {result.complexity} complexity "
        f"(band {result.band}: {result.table_days:g} days"
        + (f", reduced {result.reduction} %" if result.reduction else "")
        + ")\n"
        f"  initial certification (stage 1 + stage 2): {result.initial:g} auditor-days\n"
        f"  each surveillance audit:                   {result.surveillance:g} auditor-days\n"
        f"  recertification:                           {result.recertification:g} auditor-days\n"
        f"  sites: {result.sites}; sampled at initial {result.sampled_initial}, surveillance "
        f"{result.sampled_surveillance}, recertification {result.sampled_recertification} "
        "(IAF MD 1; plus the central function)\n"
        f"Source: {result.source}. An estimate for planning; the certification body decides.\n"
    )
