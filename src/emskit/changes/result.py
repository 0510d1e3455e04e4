"""What emskit diff returns: the change between two revisions of an EMS in its own terms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from emskit.changes.judgements import StatusChange
from emskit.changes.obligations import ObligationChange
from emskit.changes.records import RecordChange
from emskit.finding import Finding
from emskit.scoring.compare import VerdictChange


@dataclass
class EmsDiff:
    base: str  # the revision as given (HEAD, main, a commit)
    head: str  # likewise, or "work tree"
    as_of: dt.date
    records: list[RecordChange] = field(default_factory=list)
    significance: list[VerdictChange] = field(default_factory=list)
    method_before: str = "none"
    method_after: str = "none"
    obligations: list[ObligationChange] = field(default_factory=list)
    clauses: list[StatusChange] = field(default_factory=list)
    readiness: list[StatusChange] = field(default_factory=list)
    new_findings: list[Finding] = field(default_factory=list)
    resolved_findings: list[Finding] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.records
            or self.significance
            or self.obligations
            or self.clauses
            or self.readiness
            or self.new_findings
            or self.resolved_findings
        )
