"""The shared vocabulary of the evidence rules: the statuses, an assessment, how to judge one.

What in the repository evidences each clause, and what makes it met, partial or missing.

Computed from the data, never self-declared: a clause is met because the records are there
and say the right things. One small function per assessed clause, registered in RULES; each
returns an Assessment with its reasons and the records (file, line) it looked at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from emskit.calendar.due_item import DueItem
from emskit.clauses.catalogue import clause_covered
from emskit.listing import listing
from emskit.repo.repository import Record

MET, PARTIAL, MISSING, NOT_APPLICABLE = "met", "partial", "missing", "not-applicable"


@dataclass
class Assessment:
    status: str
    reasons: list[str] = field(default_factory=list)
    evidence: list[Record] = field(default_factory=list)


def judge(
    problems: Iterable[str], evidence: list[Record], missing_when_empty: str | None = None
) -> Assessment:
    """met when nothing is wrong; missing when there is no evidence at all (with the reason
    given); partial otherwise."""
    reasons = list(problems)
    if not evidence and missing_when_empty:
        return Assessment(MISSING, [missing_when_empty])
    return Assessment(PARTIAL if reasons else MET, reasons, evidence)


def texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [str(v).casefold() for v in value.values()]
    if isinstance(value, list):
        return [t for item in value for t in texts(item)]
    return [str(value).casefold()]


def id_list(records: Iterable[Record]) -> str:
    return listing(r.id for r in records)


def item_id_list(items: Iterable[DueItem]) -> str:
    return listing(item.id for item in items)


def clause_key(number: str) -> tuple[int, ...]:
    """Sort key: 9.3 before 10.1."""
    return tuple(int(part) for part in number.split("."))


def covers(document: Record, clause: str) -> bool:
    return clause_covered(clause, document.model.clauses)
