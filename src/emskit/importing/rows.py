"""One data row seen through the mapping, with the problems its cells raise."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from emskit.importing.mapping import Mapping
from emskit.importing.table import RowProblem, Table
from emskit.importing.values import ValueProblem, parse_date, slashed_order


@dataclass
class Context:
    """What every builder needs besides the rows: where they come from and how to read them."""

    file: str
    decimal_comma: bool = False
    date_format: str | None = None
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the user should know, not errors
    column_orders: dict[str, str | None] = field(default_factory=dict)


@dataclass
class Row:
    table: Table
    mapping: Mapping
    number: int
    cells: list[str]
    context: Context

    def text(self, target: str) -> str:
        index = self.table.index_of(self.mapping.column_of(target))
        if index is None:
            return ""
        return self.cells[index].strip() if index < len(self.cells) else ""

    def column(self, target: str) -> int:
        header = self.mapping.column_of(target)
        return self.table.header.index(header) + 1 if header is not None else 1

    def problem(self, target: str, reason: str) -> None:
        self.context.problems.append(
            RowProblem(self.context.file, self.number, self.column(target), reason)
        )

    def date(self, target: str) -> dt.date | None:
        text = self.text(target)
        if not text:
            return None
        try:
            return parse_date(text, self.context.date_format or self._order(target))
        except ValueProblem as error:
            self.problem(target, str(error))
            return None

    def _order(self, target: str) -> str | None:
        orders = self.context.column_orders
        if target not in orders:
            header = self.mapping.column_of(target)
            index = self.table.header.index(header) if header else 0
            orders[target] = slashed_order([c[index] for _, c in self.table.rows if index < len(c)])
        return orders[target]

    def unmapped(self) -> list[tuple[str, str]]:
        """Cells of columns with no field: kept as comments on the record."""
        out = []
        for header, cell in zip(self.table.header, self.cells, strict=False):
            if cell.strip() and self.mapping.columns.get(header) is None:
                out.append((header, " ".join(cell.split())))
        return out


@dataclass
class Built:
    """A record ready to write, and where it came from."""

    record: dict[str, Any]
    row: int
    comments: list[str] = field(default_factory=list)
    register: dict[str, Any] = field(default_factory=dict)  # the file's own results, to compare
