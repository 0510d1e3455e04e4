"""What every rule's check receives: the repository, the as-of date, and shared indexes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from emskit.repo.references import Index
from emskit.repo.repository import Record, Repository

if TYPE_CHECKING:
    from emskit.calendar.due_dates import DueItem
    from emskit.scoring import Scoring


@dataclass
class CheckContext:
    repo: Repository
    as_of: dt.date

    @cached_property
    def index(self) -> Index:
        return Index(self.repo)

    @cached_property
    def by_kind(self) -> dict[str, list[Record]]:
        return self.repo.by_kind()

    def records(self, kind: str) -> list[Record]:
        return self.by_kind.get(kind, [])

    @cached_property
    def scoring(self) -> Scoring:
        from emskit.scoring import score_repository

        return score_repository(self.repo, lambda: self.index)

    @cached_property
    def due_items(self) -> list[DueItem]:
        from emskit.calendar.due_dates import due_items

        return due_items(self.repo, self.as_of)

    def is_significant(self, aspect: Record) -> bool:
        """The computed verdict (emskit score); the declared one where it cannot be computed."""
        return self.scoring.is_significant(aspect)

    @property
    def edition(self) -> str:
        return self.repo.edition
