"""The shapes every reader produces and every builder consumes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Grid:
    """Raw cells as the file has them: each row with its number in the file (1-based)."""

    name: str  # sheet name, Markdown section heading, JSON model: where the grid sits
    rows: list[tuple[int, list[str]]]


@dataclass
class Table:
    """A grid whose header was found: data rows only, header rows and repeats removed."""

    name: str
    header: list[str]
    header_row: int
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    # Under a merged heading ("pH (units)" over "Storage 1", "Storage 2"): the two parts.
    groups: list[str] = field(default_factory=list)
    subheaders: list[str] = field(default_factory=list)
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def index_of(self, name: str | None) -> int | None:
        if name is None:
            return None
        if len(self._index) != len(self.header):
            self._index = {h: i for i, h in enumerate(self.header)}
        return self._index.get(name)


@dataclass(frozen=True)
class Source:
    """What a reader got from one file."""

    path: str  # as shown in findings and comments
    grids: list[Grid]
    text: str = ""  # the prose around the tables, where a register states its method
    decimal_comma: bool = False


@dataclass(frozen=True)
class RowProblem:
    """A row (or cell) that could not be converted: FILE:row:column and why."""

    file: str
    row: int
    column: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.reason}"
