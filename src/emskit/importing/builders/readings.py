"""Readings from long tables (one row per value) and wide ones (one column per parameter).

Each distinct (parameter, unit, limits, basis) is one indicator: a daily maximum and a monthly
average of the same parameter, or a load and a concentration, are different indicators, named
from what tells them apart. A value the laboratory wrote as '<0.01' or with a unit keeps its
text in the reading's note.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from emskit.importing.builders.common import Links
from emskit.importing.builders.heading_rows import HeadingRows, heading_rows, parameter_name
from emskit.importing.mapping import Mapping
from emskit.importing.rows import Context, Row
from emskit.importing.table import Table
from emskit.importing.values import ValueProblem, parse_quantity

_UNIT_IN_HEADER = re.compile(r"^(?P<name>.*?)\s*[(（\[](?P<unit>[^)）\]]+)[)）\]]\s*$")
_UNITS = {"kwh", "mwh", "gwh", "kw", "m3", "m³", "t", "kg", "l", "gj", "therms", "gallons"}
_MONITOR_ONLY = re.compile(r"monitor(ing)? only|report only|n/?a|仅监测", re.IGNORECASE)


@dataclass(frozen=True)
class Series:
    parameter: str
    unit: str
    limit_min: Decimal | None = None
    limit_max: Decimal | None = None
    basis: str = ""


@dataclass
class ReadingRow:
    date: dt.date
    series: Series
    value: Decimal
    site: str
    note: str
    row: int


@dataclass
class Readings:
    rows: list[ReadingRow] = field(default_factory=list)

    def series(self) -> list[Series]:
        return sorted({r.series for r in self.rows}, key=_series_key)


def _series_key(series: Series) -> tuple[str, str, str, str, str]:
    return (series.parameter, series.unit, str(series.limit_min), str(series.limit_max),
            series.basis)  # fmt: skip


_GUIDELINE = re.compile(
    r"guideline|criteri|limit|class\b|standard|trigger|licen[cs]e|permit|标准|限值", re.IGNORECASE
)
_STATISTIC = re.compile(r"median|mean|average|total|sum\b|percentile|中位|平均", re.IGNORECASE)
_RANGE = re.compile(r"^(?P<lo>-?[\d.]+)\s*[-–~]\s*(?P<hi>-?[\d.]+)\s*(?P<unit>\S*)$")


def build_readings(
    table: Table,
    mapping: Mapping,
    context: Context,
    links: Links,
    date: dt.date | None,
    guideline: str | None = None,
) -> Readings:
    out = Readings()
    long = mapping.column_of("indicator") is not None and mapping.column_of("value") is not None
    heading = HeadingRows()
    if not long:
        table, heading = heading_rows(table, mapping, context.decimal_comma)
        _note_heading_rows(context, heading)
    numeric = set() if long else _numeric_columns(table, context)
    limits = {} if long else _guideline_limits(table, mapping, context, guideline)
    # A sample id written once over its rows (a merged cell, or filled in only on the first
    # row of each bore) holds for the rows below it.
    fill_down = not long and table.index_of(mapping.column_of("location")) == 0
    above, filled = "", 0
    for number, cells in table.rows:
        row = Row(table, mapping, number, cells, context)
        label = row.text("date")
        if label and (_GUIDELINE.search(label) or _STATISTIC.search(label)):
            continue  # limits are read above; stated statistics are the register's, not readings
        where = row.text("location")
        if fill_down and where:
            above = where
        when = row.date("date") or date
        if when is None:
            if not row.text("date"):
                row.problem("date", "no date: give the date column, or --date for the whole file")
            continue
        if fill_down and not where and above:
            where, filled = above, filled + 1
        site, point = _location(where, links)
        if long:
            _long_row(row, when, site, point, out)
        else:
            _wide_row(row, when, site, point, out, numeric, limits, heading.units)
    if filled:
        context.notes.append(f"{filled} row(s) with no sample id took the one above them")
    return out


def _note_heading_rows(context: Context, heading: HeadingRows) -> None:
    for number in heading.unit_rows:
        context.notes.append(f"{context.file}:{number}: the units of the columns below")
    for number in heading.lor_rows:
        context.notes.append(f"{context.file}:{number}: limits of reporting or instrument "
                             "ranges, not readings nor limits: not imported")  # fmt: skip


def _guideline_limits(
    table: Table, mapping: Mapping, context: Context, chosen: str | None
) -> dict[int, tuple[Decimal | None, Decimal | None]]:
    """Limits per column from the guideline row (the one --guideline names when several)."""
    header = mapping.column_of("date") or mapping.column_of("location")
    if header is None:
        return {}
    at = table.header.index(header)
    rows = [(n, c) for n, c in table.rows if at < len(c) and _GUIDELINE.search(c[at])]
    if chosen is not None:
        rows = [(n, c) for n, c in rows if " ".join(c[at].split()) == " ".join(chosen.split())]
        if not rows:
            from emskit.errors import UsageError

            raise UsageError(f"--guideline {chosen!r}: no guideline row has that label")
    elif len(rows) > 1:
        labels = ", ".join(repr(c[at]) for _, c in rows)
        context.notes.append(f"{len(rows)} guideline rows ({labels}): no limits taken; "
                             "choose one with --guideline LABEL")  # fmt: skip
        return {}
    limits = {}
    for number, cells in rows[:1]:
        for index, cell in enumerate(cells):
            if index != at and cell.strip():
                limit = _guideline_cell(cell)
                if limit is None:
                    context.notes.append(f"{context.file}:{number}:{index + 1}: guideline "
                                         f"{cell!r} is not a limit; none taken")  # fmt: skip
                else:
                    limits[index] = limit
    return _spread_over_groups(table, limits)


def _spread_over_groups(
    table: Table, limits: dict[int, tuple[Decimal | None, Decimal | None]]
) -> dict[int, tuple[Decimal | None, Decimal | None]]:
    """A guideline under a merged heading is written once and holds for each of its columns."""
    out = dict(limits)
    for index, limit in limits.items():
        group = table.groups[index] if index < len(table.groups) else ""
        following = index + 1
        while group and following < len(table.groups) and table.groups[following] == group:
            out.setdefault(following, limit)
            following += 1
    return out


def _guideline_cell(text: str) -> tuple[Decimal | None, Decimal | None] | None:
    text = text.strip()
    if _MONITOR_ONLY.search(text):
        return (None, None)
    match = _RANGE.match(text)
    if match:
        return Decimal(match.group("lo")), Decimal(match.group("hi"))
    try:
        quantity = parse_quantity(text.rstrip("%"))
    except ValueProblem:
        return None
    if quantity.qualifier.startswith((">", "≥")):
        return quantity.value, None  # a lower bound (">80%", a furnace temperature) stays one
    return None, quantity.value


def _numeric_columns(table: Table, context: Context) -> set[int]:
    """The parameters of a wide table: columns whose cells are nearly all numbers."""
    out = set()
    for index in range(len(table.header)):
        cells = [c[index] for _, c in table.rows if index < len(c) and c[index].strip()]
        good = 0
        for cell in cells:
            try:
                good += parse_quantity(cell, context.decimal_comma).unit == ""
            except ValueProblem:
                pass
        if cells and good >= 0.8 * len(cells):
            out.add(index)
    return out


def _location(where: str, links: Links) -> tuple[str, str]:
    text = " ".join(where.split())
    if not text:
        return "", ""
    found = links.sites.ids.get(text.casefold())
    return (found, "") if found else ("", text)


def _long_row(row: Row, when: dt.date, site: str, point: str, out: Readings) -> None:
    parameter = " ".join(row.text("indicator").split())
    text = row.text("value")
    if not parameter or not text:
        row.problem("value" if parameter else "indicator", "no parameter or no value")
        return
    quantity = _quantity(row, "value", text)
    if quantity is None:
        return
    unit = row.text("unit") or quantity.unit
    limits = tuple(_limit(row, t) for t in ("limit:min", "limit:max"))
    series = Series(parameter, unit, limits[0], limits[1], " ".join(row.text("basis").split()))
    out.rows.append(
        ReadingRow(when, series, quantity.value, site, _note(quantity, point), row.number)
    )


def _wide_row(
    row: Row,
    when: dt.date,
    site: str,
    point: str,
    out: Readings,
    numeric: set[int],
    limits: dict[int, tuple[Decimal | None, Decimal | None]],
    units: dict[int, str],
) -> None:
    for index, header in enumerate(row.table.header):
        if row.mapping.columns.get(header) is not None or index not in numeric:
            continue
        text = row.cells[index].strip() if index < len(row.cells) else ""
        if not text:
            continue
        sub = row.table.subheaders[index] if index < len(row.table.subheaders) else ""
        name = row.table.groups[index] if sub else header
        match = _UNIT_IN_HEADER.match(name)
        parameter, unit = (match.group("name"), match.group("unit")) if match else (name, "")
        parameter = parameter_name(parameter)
        if not unit:
            unit = units.get(index, "")  # the units row under the header
        if not unit and header.strip().lower() in _UNITS:
            unit = header.strip()  # a column named after its unit: "kwh"
        quantity = _quantity(row, header, text, index + 1)
        if quantity is None:
            continue
        low, high = limits.get(index, (None, None))
        series = Series(parameter.strip() or header, unit.strip() or quantity.unit, low, high)
        here = f"{point} {sub}".strip() if sub else point  # a sub-heading names the location
        out.rows.append(
            ReadingRow(when, series, quantity.value, site, _note(quantity, here), row.number)
        )


def _quantity(row: Row, target: str, text: str, column: int | None = None) -> Any:
    try:
        return parse_quantity(text, row.context.decimal_comma)
    except ValueProblem as error:
        if column is None:
            row.problem(target, str(error))
        else:
            from emskit.importing.table import RowProblem

            row.context.problems.append(
                RowProblem(row.context.file, row.number, column, f"{target}: {error}")
            )
        return None


def _limit(row: Row, target: str) -> Decimal | None:
    text = row.text(target)
    if not text or _MONITOR_ONLY.search(text):
        return None
    try:
        return parse_quantity(text, row.context.decimal_comma).value
    except ValueProblem as error:
        row.problem(target, f"limit: {error}")
        return None


def _note(quantity: Any, point: str) -> str:
    parts = []
    if point:
        parts.append(f"point {point}")
    if not quantity.plain:
        parts.append(f"as reported: {quantity.text}")
    return "; ".join(parts)


def indicator_records(
    readings: Readings, links: Links, existing: dict[Any, str], key: Callable[[Any], Any]
) -> tuple[list[dict[str, Any]], dict[Series, str]]:
    """One indicator per series, named from what tells a parameter's series apart; an
    indicator the repository already has (same name, unit and limit) keeps its id."""
    by_parameter: dict[str, list[Series]] = {}
    for series in readings.series():
        by_parameter.setdefault(series.parameter, []).append(series)
    records: list[dict[str, Any]] = []
    ids: dict[Series, str] = {}
    for parameter, group in by_parameter.items():
        for series in group:
            name = parameter + _distinction(series, group)
            record: dict[str, Any] = {"id": "", "name": name}
            record["unit"] = series.unit or "unspecified"
            limit = {k: _plain(v) for k, v in (("min", series.limit_min),
                                               ("max", series.limit_max)) if v is not None}  # fmt: skip
            if limit:
                record["limit"] = limit
            record["id"] = existing.get(key(record)) or links.ids.allocate()
            ids[series] = record["id"]
            records.append(record)
    return records, ids


def _distinction(series: Series, group: list[Series]) -> str:
    if len(group) == 1:
        return ""
    parts = []
    if len({s.unit for s in group}) > 1:
        parts.append(series.unit)
    if len({s.basis for s in group}) > 1 and series.basis:
        parts.append(series.basis)
    if len({(s.limit_min, s.limit_max) for s in group}) > 1:
        if series.limit_min is not None:
            parts.append(f"min {_plain(series.limit_min)}")
        if series.limit_max is not None:
            parts.append(f"max {_plain(series.limit_max)}")
    return f" ({', '.join(parts)})" if parts else ""


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral() else float(value)
