"""What emskit status returns: the steps to take, ranked, and whether anything fails."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# The order of the list: what breaks the data first, then what blocks certification, then
# what is late, then what is missing, then what is coming.
LEVELS = ("error", "fail", "overdue", "missing", "partial", "due")
# Levels that make the status fail (exit 1).
FAILING = frozenset({"error", "fail", "overdue", "missing"})


@dataclass(frozen=True)
class Step:
    level: str  # one of LEVELS
    source: str  # "check" | "ready" | "due" | "gap"
    message: str
    act: str  # FILE:LINE[:COLUMN] or a command
    file: str | None = None
    line: int | None = None
    ids: tuple[str, ...] = ()
    clauses: tuple[str, ...] = ()
    due: dt.date | None = None


@dataclass
class StatusResult:
    root: Path
    as_of: dt.date
    edition: str
    within: str
    ready: bool
    steps: list[Step] = field(default_factory=list)

    @property
    def failing(self) -> bool:
        return any(step.level in FAILING for step in self.steps)

    def counts(self) -> dict[str, int]:
        tally = Counter(step.level for step in self.steps)
        return {level: tally.get(level, 0) for level in LEVELS}
