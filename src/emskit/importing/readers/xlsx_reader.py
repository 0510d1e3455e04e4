"""xlsx workbooks: every sheet a grid (or the one --sheet names), cells as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from emskit.errors import UsageError
from emskit.importing.table import Grid, Source


def read_xlsx(path: Path, shown: str, sheet: str | None) -> Source:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, KeyError, XML errors alike
        raise UsageError(f"{shown}: not a readable xlsx workbook ({error})") from None
    names = book.sheetnames
    if sheet is not None and sheet not in names:
        raise UsageError(f"{shown}: no sheet {sheet!r}; the sheets are {', '.join(names)}")
    grids = [_grid(book[name], name) for name in names if sheet is None or name == sheet]
    book.close()
    return Source(shown, grids)


def _grid(worksheet: Any, name: str) -> Grid:
    rows: list[tuple[int, list[str]]] = []
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        cells = [cell_text(value) for value in values]
        while cells and not cells[-1]:
            cells.pop()  # sheets often claim a thousand empty columns
        if cells:
            rows.append((number, cells))
    return Grid(name, rows)


def cell_text(value: Any) -> str:
    """The cell as a person reads it: dates as ISO, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
