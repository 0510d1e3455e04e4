"""The loaded repository: every record with where it came from, and the readings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from emskit.finding import Finding
from emskit.model.config import Config
from emskit.repo.positions import Loc, PositionIndex


@dataclass(frozen=True, slots=True)
class Record:
    kind: str  # "aspect", "obligation", "person", "audit-plan"...
    id: str
    model: Any
    file: str  # relative to the repository root, '/' separators
    loc: Loc  # where the record sits in its file: ('aspects', 3) or ()


class Reading(NamedTuple):
    date: dt.date
    indicator: str
    value: float
    site: str
    note: str
    file: str
    line: int


@dataclass
class SourceFile:
    rel: str
    part: str  # the layout part it belongs to: "aspects", "records/audits", "documents"...
    text: str | None = None  # YAML text (or front matter) kept for lazy position lookups
    line_offset: int = 0
    data: Any = None
    _positions: PositionIndex | None = None

    def positions(self) -> PositionIndex:
        if self._positions is None:
            self._positions = PositionIndex.of_text(self.text or "", self.line_offset)
        return self._positions


@dataclass
class Repository:
    root: Path
    raw_config: dict[str, Any]
    config: Config | None
    files: dict[str, SourceFile] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list)
    singletons: dict[str, Record] = field(default_factory=dict)  # context, policy, roles...
    readings: list[Reading] = field(default_factory=list)
    load_findings: list[Finding] = field(default_factory=list)

    @property
    def edition(self) -> str:
        if self.config is not None:
            return self.config.ems.edition
        ems = self.raw_config.get("ems")
        edition = ems.get("edition") if isinstance(ems, dict) else None
        return edition if edition in ("2015", "2015+A1:2024", "2026") else "2015+A1:2024"

    def of_kind(self, kind: str) -> list[Record]:
        return [record for record in self.records if record.kind == kind]

    def by_kind(self) -> dict[str, list[Record]]:
        out: dict[str, list[Record]] = {}
        for record in self.records:
            out.setdefault(record.kind, []).append(record)
        return out

    def singleton(self, name: str) -> Any:
        record = self.singletons.get(name)
        return record.model if record else None
