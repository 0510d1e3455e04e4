"""The log of visits and spot checks by the environment authority (CN: 环保部门检查记录)."""

from __future__ import annotations

from emskit.documents.columns import register
from emskit.documents.content import Document
from emskit.documents.context import PackContext
from emskit.model.external_checks import Inspection


def inspections_log(ctx: PackContext) -> Document:
    table, count = register(ctx, "inspection", Inspection, "Inspections")
    return Document("inspections-log", ctx.labels("inspections-log")).add(table, count)
