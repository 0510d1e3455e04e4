"""What every rule's check receives: the repository, the as-of date, and shared indexes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from emskit.repo.references import Index
from emskit.repo.repository import Record, Repository


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

    def is_significant(self, aspect: Any) -> bool:
        # The declared verdict until computed significance (emskit score) lands.
        return bool(aspect.significant)

    @property
    def edition(self) -> str:
        return self.repo.edition
