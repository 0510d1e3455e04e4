"""A finding is a value: rules yield them, reporters print them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum
from typing import TypedDict, Unpack


def format_loc(loc: tuple[str | int, ...]) -> str:
    """``('aspects', 3, 'obligations', 0)`` -> ``aspects[3].obligations[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


class FindingChanges(TypedDict, total=False):
    """The fields of a Finding that ``with_`` may change, each with its type."""

    code: str
    rule: str
    severity: Severity
    message: str
    file: str
    line: int | None
    column: int | None
    loc: tuple[str | int, ...]
    clauses: tuple[str, ...]
    ids: tuple[str, ...]
    at_key: bool


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    rule: str
    severity: Severity
    message: str
    file: str
    line: int | None = None  # None until the locator resolves ``path`` in ``file``
    column: int | None = None
    loc: tuple[str | int, ...] = ()  # data path in the file: ('aspects', 3, 'obligations', 0)
    clauses: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    # ``key`` points at the mapping key rather than its value (unknown keys).
    at_key: bool = field(default=False, compare=False)

    @property
    def path(self) -> str:
        return format_loc(self.loc)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line or 1, self.column or 1, self.code, self.message)

    def with_(self, **changes: Unpack[FindingChanges]) -> Finding:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "file": self.file,
            "line": self.line or 1,
            "column": self.column or 1,
            "path": self.path,
            "clauses": list(self.clauses),
            "ids": list(self.ids),
        }
