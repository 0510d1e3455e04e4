"""A readiness verdict: one rule's pass / fail / warn with its reason, the clauses it bears
on and the records it looked at."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Verdict:
    id: str
    status: str
    message: str  # a words.Message: documents say it in their language
    clauses: tuple[str, ...]
    ids: list[str] = field(default_factory=list)
