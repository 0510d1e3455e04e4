"""monitoring/data/*.csv: one reading per row, read without building a model per row.

100,000 readings go through here in the benchmark organisation, so rows are checked by
hand (a few microseconds each) rather than through Pydantic.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import itertools
import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from emskit.finding import Finding
from emskit.repo.loading_rules import CSV_FORMAT
from emskit.repo.repository import Reading

if TYPE_CHECKING:  # the type of csv.reader's rows (with line_num); csv does not re-export it
    from _csv import Reader

REQUIRED = ("date", "indicator", "value")
KNOWN = (*REQUIRED, "site", "note")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_readings(text: str, rel: str) -> tuple[list[Reading], list[Finding]]:
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Finding] = []
    try:
        header = [name.strip() for name in next(rows)]
    except StopIteration:
        return [], [
            CSV_FORMAT.at(
                rel,
                message="empty CSV file: the first line must be the header "
                "date,indicator,value,site,note",
                line=1,
                column=1,
            )
        ]
    except csv.Error as exc:
        return [], [CSV_FORMAT.at(rel, message=f"CSV: {exc}", line=1, column=1)]
    if len(header) == 1 and header[0] and header[0][0].isalpha():
        separator = next((s for s in _OTHER_SEPARATORS if s in header[0]), None)
        if separator is not None:
            return [], [CSV_FORMAT.at(rel, message=_separator_message(separator), line=1, column=1)]
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in KNOWN]
    if missing or unknown or len(set(header)) != len(header):
        what = []
        if missing:
            what.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            what.append(f"unknown column(s) {', '.join(unknown)}")
        if len(set(header)) != len(header):
            what.append("a column appears twice")
        message = (
            "; ".join(what) + f": the header must name {', '.join(KNOWN)} (the last two optional)"
        )
        return [], [CSV_FORMAT.at(rel, message=message, line=1, column=1)]
    if '"' not in text and "\r" not in text:
        fast = _rows_at_once(rows, header, rel)
        if fast is not None:
            return fast, problems
        rows = csv.reader(io.StringIO(text, newline=""), strict=True)
        next(rows)
    return _rows(rows, header, rel, problems), problems


def _rows_at_once(rows: Reader, header: list[str], rel: str) -> list[Reading] | None:
    """A clean file read column by column at C speed: without quotes or carriage returns
    every row is one line (row i on line i + 2). None when any row needs a word: then the
    row-by-row reading below finds and explains it."""
    try:
        body = list(rows)
    except csv.Error:
        return None
    width = len(header)
    if not body or set(map(len, body)) != {width}:  # every row as wide as the header
        return None
    columns = list(zip(*body, strict=True))
    i_date, i_ind, i_val = (header.index(name) for name in REQUIRED)
    dates: dict[str, dt.date] = {}
    for text in set(columns[i_date]):
        if _date(text, dates) is None:
            return None
    try:
        values = list(map(float, columns[i_val]))
    except ValueError:
        return None
    if not all(map(math.isfinite, values)):
        return None

    def column(name: str) -> Iterable[str]:
        return columns[header.index(name)] if name in header else itertools.repeat("", len(body))

    make = functools.partial(tuple.__new__, Reading)  # a NamedTuple's own __new__ is slower
    return list(
        map(
            make,
            zip(
                map(dates.__getitem__, columns[i_date]),
                map(str.strip, columns[i_ind]),
                values,
                column("site"),
                column("note"),
                itertools.repeat(rel, len(body)),
                range(2, len(body) + 2),
                strict=True,
            ),
        )
    )


def _rows(rows: Reader, header: list[str], rel: str, problems: list[Finding]) -> list[Reading]:
    i_date, i_ind, i_val = (header.index(name) for name in REQUIRED)
    i_site = header.index("site") if "site" in header else -1
    i_note = header.index("note") if "note" in header else -1
    width = len(header)
    dates: dict[str, dt.date] = {}
    out: list[Reading] = []
    make = tuple.__new__  # a NamedTuple's own __new__ is a Python call per row
    line = rows.line_num + 1
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(CSV_FORMAT.at(rel, message=f"CSV: {exc}", line=line, column=1))
            break
        start, line = line, rows.line_num + 1
        if not row:
            continue
        if len(row) != width:
            message = f"row has {len(row)} fields, the header has {width}"
            if len(row) == width + 1 and _value(f"{row[i_val]}.{row[i_val + 1]}") is not None:
                message += (
                    f": the value {row[i_val]},{row[i_val + 1]} has a decimal comma, which "
                    f"splits it in two; {_DECIMAL_FIX}"
                )
            problems.append(CSV_FORMAT.at(rel, message=message, line=start, column=1))
            continue
        day = dates.get(row[i_date]) or _date(row[i_date], dates)
        value = _value(row[i_val])
        if day is None or value is None:
            bad, column = (
                (i_date, "a date (YYYY-MM-DD)") if day is None else (i_val, "a finite number")
            )
            message = f"{header[bad]} {row[bad]!r} is not {column}"
            if bad == i_val and _value(row[bad].replace(",", ".", 1)) is not None:
                message += f": {row[bad]} has a decimal comma; {_DECIMAL_FIX}"
            problems.append(
                CSV_FORMAT.at(
                    rel,
                    message=message,
                    line=start,
                    column=_column(row, bad),
                )
            )
            continue
        site = row[i_site] if i_site >= 0 else ""
        note = row[i_note] if i_note >= 0 else ""
        out.append(make(Reading, (day, row[i_ind].strip(), value, site, note, rel, start)))
    return out


# Spreadsheets saved in a European or Chinese locale separate with ';' (or tabs) and write
# decimals with a comma; both are common enough to name, not just reject.
_OTHER_SEPARATORS = {";": "semicolons", "\t": "tabs"}
_IMPORT = "or convert the file with 'emskit import readings FILE'"
_DECIMAL_FIX = f"write the number with a decimal point (1.5, not 1,5), {_IMPORT}"


def _separator_message(separator: str) -> str:
    return (
        f"the columns are separated by {_OTHER_SEPARATORS[separator]}, as a spreadsheet saved "
        f"in some locales writes them; emskit reads comma-separated CSV: save it as CSV with "
        f"commas and decimal points (header date,indicator,value,site,note), {_IMPORT}"
    )


def _date(text: str, cache: dict[str, dt.date]) -> dt.date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        cache[text] = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return cache[text]


def _value(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _column(row: list[str], index: int) -> int:
    return 1 + sum(len(field) + 1 for field in row[:index])
