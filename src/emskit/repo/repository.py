"""The loaded repository: every record with where it came from, and the readings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, NamedTuple, overload

from pydantic import BaseModel
from typing_extensions import TypeVar

from emskit.finding import Finding
from emskit.model.config import Config
from emskit.repo.positions import Loc, Point, PositionIndex, item_starts
from emskit.vocabulary import DEFAULT_EDITION, EDITIONS

# The model of a record. A bare ``Record`` holds any model (Any, the default): code that reads
# a record's fields asks the analysis for ``records(kind, Aspect)`` and gets Record[Aspect].
# (TypeVar from typing_extensions: defaults arrive in the standard library with Python 3.13.)
M = TypeVar("M", bound=BaseModel, default=Any)


@dataclass(frozen=True, slots=True)
class Record(Generic[M]):
    kind: str  # "aspect", "obligation", "person", "audit-plan"...
    id: str
    model: M
    file: str  # relative to the repository root, '/' separators
    loc: Loc  # where the record sits in its file: ('aspects', 3) or ()


def of_model(records: list[Record], model: type[BaseModel] | None) -> list[Record]:
    """The records, having checked that each holds a ``model`` (when one is asked for): a
    record of another model is a bug in emskit, not in the repository, hence TypeError."""
    if model is not None:
        for record in records:
            if not isinstance(record.model, model):
                raise TypeError(
                    f"{record.kind} {record.id!r} holds a {type(record.model).__name__}, "
                    f"not a {model.__name__}"
                )
    return records


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
    _item_starts: dict[str, list[Point] | None] = field(default_factory=dict)

    def item_start(self, key: str, index: int) -> Point | None:
        """Fast position of item ``index`` of the list under ``key`` (see positions.item_starts)."""
        if key not in self._item_starts:
            starts = item_starts(self.text or "", key)
            items = self.data.get(key) if isinstance(self.data, dict) else None
            # Trust the line scan only if it found exactly the items the parser did.
            ok = starts is not None and isinstance(items, list) and len(items) == len(starts)
            self._item_starts[key] = starts if ok else None
        starts = self._item_starts[key]
        if starts is None or index >= len(starts):
            return None
        line, column = starts[index]
        return line + self.line_offset, column

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
    discovered: list[tuple[str, str]] | None = None  # (file, layout part) found on disk
    # id -> (file, loc) of records that failed their schema: no record, but still named
    invalid_ids: dict[str, tuple[str, Loc]] = field(default_factory=dict)

    @property
    def edition(self) -> str:
        if self.config is not None:
            return self.config.ems.edition
        ems = self.raw_config.get("ems")
        edition = ems.get("edition") if isinstance(ems, dict) else None
        return edition if edition in EDITIONS else DEFAULT_EDITION

    @overload
    def of_kind(self, kind: str) -> list[Record]: ...
    @overload
    def of_kind(self, kind: str, model: type[M]) -> list[Record[M]]: ...
    def of_kind(self, kind: str, model: type[BaseModel] | None = None) -> list[Record]:
        """The records of one kind; typed with ``model`` when the caller reads its fields."""
        return of_model([record for record in self.records if record.kind == kind], model)

    def by_kind(self) -> dict[str, list[Record]]:
        out: dict[str, list[Record]] = {}
        for record in self.records:
            out.setdefault(record.kind, []).append(record)
        return out

    def singleton(self, name: str) -> Any:
        record = self.singletons.get(name)
        return record.model if record else None

    def locate(self, finding: Finding) -> Finding:
        """The finding with its line and column, looked up only now that it is needed."""
        if finding.line is not None:
            return finding
        line, column = self.position(finding.file, finding.loc, finding.at_key)
        return finding.with_(line=line, column=column)

    def position(self, file: str, loc: Loc, at_key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value (or key) at ``loc`` in ``file``."""
        source = self.files.get(file)
        if source is None or source.text is None:
            return 1, 1
        if (
            len(loc) == 2
            and isinstance(loc[0], str)
            and isinstance(loc[1], int)
            and not at_key
            and source._positions is None
        ):
            fast = source.item_start(loc[0], loc[1])
            if fast is not None:
                return fast
        return source.positions().locate(loc, at_key)
