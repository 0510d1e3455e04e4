"""The rows a laboratory's workbook puts between its header and its data, and the names of its
parameter columns.

A monitoring sheet exported from Excel often has, under the header, a row of units (``mg/L``,
``NTU``, ``µs/cm``) and a row of the laboratory's limits of reporting (``0.001``) or of the
field instrument's ranges (``0 - 14``, ``±2000``); neither holds readings. Its parameter
headers carry the figure they are charted in (``Figure 3: Electrical Conductivity``) and
footnote marks (``Total Dissolved Solids#``, ``\\*Ferrous Iron``), which are no part of the
parameter's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from emskit.importing.mapping import Mapping
from emskit.importing.table import Table
from emskit.importing.values import ValueProblem, parse_quantity

_FIGURE = re.compile(r"^fig\w*\s*\d+[a-z]?\s*[:.-]\s*", re.IGNORECASE)  # 'Figiure 1:' too
_MARKS = "\\*#^†‡"
# An instrument's range (0 - 14, -5 - 50) or span (±2000), or a dash for "none".
_SPAN = re.compile(r"^(?:-?[\d.]+\s*[-–~]\s*-?[\d.]+|±\s*[\d.]+|-)$")


def parameter_name(header: str) -> str:
    """The parameter a column holds: the header without its figure number or footnote marks."""
    name = _FIGURE.sub("", header.strip())
    return name.strip().lstrip(_MARKS).rstrip(_MARKS).strip() or header.strip()


@dataclass
class HeadingRows:
    """Units per column (by index) and the file rows read as units or limits of reporting."""

    units: dict[int, str] = field(default_factory=dict)
    unit_rows: list[int] = field(default_factory=list)
    lor_rows: list[int] = field(default_factory=list)


def heading_rows(table: Table, mapping: Mapping, decimal_comma: bool) -> tuple[Table, HeadingRows]:
    """The table without the units and LOR rows found right under its header (rows with no
    date and no location), and what they said."""
    found = HeadingRows()
    keys = [table.index_of(mapping.column_of(t)) for t in ("date", "location")]
    if all(k is None for k in keys):
        return table, found
    skip = 0
    for number, cells in table.rows:
        if any(k is not None and k < len(cells) and cells[k].strip() for k in keys):
            break  # the first data row
        values = {
            i: cell.strip()
            for i, cell in enumerate(cells)
            if cell.strip() and i not in keys and mapping.columns.get(table.header[i]) is None
        }
        kind = _kind(list(values.values()), decimal_comma)
        if kind is None:
            break
        if kind == "units":
            found.unit_rows.append(number)
            for index, text in values.items():
                if text != "-":
                    found.units.setdefault(index, text)
        else:
            found.lor_rows.append(number)
        skip += 1
    if not skip:
        return table, found
    return replace(table, rows=table.rows[skip:]), found


def _kind(cells: list[str], decimal_comma: bool) -> str | None:
    """'units' for a row of unit names, 'lor' for a row of numbers and instrument ranges."""
    if len(cells) < 2:
        return None
    numbers = sum(1 for c in cells if _is_number(c, decimal_comma) or _SPAN.match(c))
    if numbers == len(cells):
        return "lor"
    words = [c for c in cells if not _is_number(c, decimal_comma) and not _SPAN.match(c)]
    if len(words) + cells.count("-") >= 0.9 * len(cells) and all(len(w) <= 16 for w in words):
        return "units"
    return None


def _is_number(text: str, decimal_comma: bool) -> bool:
    try:
        return parse_quantity(text, decimal_comma).unit == ""
    except ValueProblem:
        return False
