"""Which tables of a file are the register: the ones whose headers map best to the kind."""

from __future__ import annotations

from emskit.importing.header import find_table
from emskit.importing.mapping import Mapping, guess
from emskit.importing.table import Source, Table

REQUIRED = {
    "aspects": ("activity", "aspect", "impact"),
    "obligations": ("title",),
    "readings": ("date",),
    "objectives": ("title",),
    "nonconformities": ("description",),
    "training": ("topic",),
}


def register_table(
    kind: str, source: Source, fixed: Mapping | None
) -> tuple[Table, Mapping] | None:
    """The best table, with every later table of the same header appended (a register split
    into sections repeats its header)."""
    tables = [t for t in (find_table(g) for g in source.grids) if t is not None]
    best: tuple[int, Table, Mapping] | None = None
    for table in tables:
        mapping = _fixed_for(table, fixed) if fixed else guess(kind, table)
        targets = set(mapping.columns.values())
        score = 10 * sum(1 for r in REQUIRED[kind] if r in targets) + len(targets)
        if best is None or score > best[0]:
            best = (score, table, mapping)
    if best is None or best[0] < (1 if kind == "readings" else 10):  # a date may come by --date
        return None
    _, table, mapping = best
    for other in tables:
        if other is not table and other.header == table.header:
            table.rows.extend(other.rows)
    return table, mapping


def _fixed_for(table: Table, fixed: Mapping) -> Mapping:
    return Mapping({h: t for h, t in fixed.columns.items() if h in table.header})
