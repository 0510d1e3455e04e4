"""The scale of each significance criterion, value by value, with what each value means: from
the method's ``meanings:`` in emskit.yaml, or the preset's (scoring/preset_scales.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from emskit.documents.content import Table
from emskit.documents.context import PackContext
from emskit.scoring.arithmetic import format_number


def value_text(value: Any) -> str:
    return value if isinstance(value, str) else format_number(value)


def scale_table(ctx: PackContext, methods: Sequence[Any]) -> Table:
    """A row per criterion of every method in use (a criterion shared by several methods
    once): its values, and what each means, a line a value ('3 – Sometimes: monthly')."""
    L = ctx.labels
    rows: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for method in methods:
        for criterion in method.criteria:
            if criterion.name in seen:
                continue
            seen.add(criterion.name)
            label = ctx.text(criterion.label) or criterion.name
            meanings = {str(k): v for k, v in (criterion.meanings or {}).items()}
            lines = []
            for value in criterion.values:
                shown = value_text(value)
                meaning = meanings.get(shown)
                lines.append(f"{shown} – {ctx.text(meaning)}" if meaning is not None else shown)
            values = L.list_separator.join(value_text(v) for v in criterion.values)
            rows.append((label, values, "\n".join(lines)))
    headers = (L("criterion"), L("scale-values"), L("meaning"))
    return Table(headers, tuple(rows), sheet="Scales")
