"""The chemicals register with each chemical's safety data sheet (CN: 化学品及MSDS清单)."""

from __future__ import annotations

from emskit.documents.columns import register
from emskit.documents.content import Document
from emskit.documents.context import PackContext
from emskit.model.chemicals import Chemical


def msds_register(ctx: PackContext) -> Document:
    table, count = register(ctx, "chemical", Chemical, "MSDS")
    return Document("msds-register", ctx.labels("msds-register")).add(table, count)
