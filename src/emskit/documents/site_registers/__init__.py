"""The pack's registers of what a certification body checks on site, one module each, and the
implementation roadmap. Each entry names the record kinds it lists: outside China a register
is in the pack only when the repository holds such records."""

from __future__ import annotations

from collections.abc import Callable

from emskit.documents.content import Document
from emskit.documents.context import PackContext
from emskit.documents.site_registers import (
    distribution,
    inspections,
    monitoring_results,
    msds,
    roadmap,
    special_positions,
    waste_ledger,
)

Builder = Callable[[PackContext], Document]

SITE_REGISTERS: tuple[tuple[Builder, tuple[str, ...]], ...] = (
    (msds.msds_register, ("chemical",)),
    (waste_ledger.waste_ledger, ("waste-stream", "contractor", "waste-transfer")),
    (inspections.inspections_log, ("inspection",)),
    (monitoring_results.monitoring_results, ("monitoring-report",)),
    (distribution.distribution_record, ("distribution",)),
    (special_positions.special_positions_list, ("special-position",)),
    (roadmap.roadmap_register, ("implementation",)),
)


def site_registers(ctx: PackContext, jurisdiction: str | None) -> list[Builder]:
    """The registers this pack holds: all of them in China, where auditors ask for each."""
    everything = (jurisdiction or "").upper() == "CN"
    present = {r.kind for r in ctx.repo.records} | set(ctx.repo.singletons)
    if ctx.special_positions():
        present.add("special-position")
    return [build for build, kinds in SITE_REGISTERS if everything or present & set(kinds)]
