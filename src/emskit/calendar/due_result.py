"""What emskit due returns: the calendar items in the window, each with its state and line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emskit.calendar.due_item import DueItem


@dataclass(frozen=True)
class Dated:
    item: DueItem
    state: str
    line: int


@dataclass
class DueResult:
    as_of: dt.date
    until: dt.date
    organization: str
    items: list[Dated]

    @property
    def overdue(self) -> int:
        return sum(1 for d in self.items if d.state == "overdue")
