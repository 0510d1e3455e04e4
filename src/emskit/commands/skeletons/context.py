"""What a skeleton is built from: the analysis of the repository, the new id, the as-of date,
and the record named with ``--from``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from emskit.analysis import Analysis
from emskit.calendar.due_item import DueItem
from emskit.calendar.periods import add
from emskit.model.common import text_in
from emskit.repo.repository import Record

# "Now due" in a skeleton means what `emskit status` lists: overdue or due within 30 days.
DUE_WINDOW = "P30D"


@dataclass
class Draft:
    ctx: Analysis
    record_id: str
    source: Record | None = None  # the --from record
    detail: str = ""  # the part of --from after '/', e.g. an audit finding's id
    # What the user must still do elsewhere (link the new record from another file...).
    notes: list[str] = field(default_factory=list)

    @property
    def as_of(self) -> dt.date:
        return self.ctx.as_of

    def due(self, kind: str) -> list[DueItem]:
        """Calendar items of ``kind`` overdue or due within the window, soonest first."""
        until = add(self.as_of, DUE_WINDOW)
        items = [item for item in self.ctx.calendar(kind) if item.due <= until]
        return sorted(items, key=lambda item: (item.due, item.id))

    def title(self, record: Record) -> str:
        for name in ("title", "name", "scenario", "topic", "activity"):
            value = getattr(record.model, name, None)
            if value:
                return " ".join(text_in(value, self.language).split())
        return ""

    @property
    def language(self) -> str:
        config = self.ctx.repo.config
        return config.ems.language if config is not None else "en"
