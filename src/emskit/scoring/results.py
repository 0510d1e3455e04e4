"""What emskit score returns: the filters, the scored aspects, the verdicts written back, the
comparison with a git ref."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from emskit.finding import Finding, Severity
from emskit.repo.repository import Repository
from emskit.scoring import Scoring
from emskit.scoring.compare import VerdictChange
from emskit.scoring.engine import Outcome


@dataclass(frozen=True)
class Filters:
    site: str | None = None
    department: str | None = None
    condition: str | None = None
    verdict: str | None = None

    def keep(self, outcome: Outcome) -> bool:
        aspect = outcome.record.model
        if self.site and aspect.site != self.site:
            return False
        if self.department and not _text_matches(aspect.department, self.department):
            return False
        if self.condition and aspect.condition != self.condition:
            return False
        return not self.verdict or verdict_of(outcome) == self.verdict


def verdict_of(outcome: Outcome) -> str:
    if outcome.significant is None:
        return "unscored"
    return "significant" if outcome.significant else "not-significant"


def _text_matches(text: object, wanted: str) -> bool:
    values = text.values() if isinstance(text, dict) else [text] if text else []
    return any(str(value).casefold() == wanted.casefold() for value in values)


@dataclass
class ScoreResult:
    root: Path
    as_of: dt.date
    repo: Repository
    language: str
    scoring: Scoring
    outcomes: list[Outcome]  # filtered and sorted by score, highest first
    findings: list[Finding] = field(default_factory=list)  # method and score problems, located

    def lines(self) -> dict[int, int]:
        """Line of each shown aspect, keyed by id(record); files are parsed for positions only here."""
        return {
            id(o.record): self.repo.position(o.record.file, o.record.loc)[0] for o in self.outcomes
        }

    @property
    def usable(self) -> bool:
        """False when the method cannot score anything, whatever the rule settings say."""
        return self.scoring.methods is not None and self.scoring.methods.usable

    @property
    def failed(self) -> bool:
        return not self.usable or any(f.severity >= Severity.ERROR for f in self.findings)


@dataclass
class WriteResult:
    changed: list[Outcome] = field(default_factory=list)  # verdicts written
    kept: list[Outcome] = field(
        default_factory=list
    )  # declared differently with a note: left alone
    files: list[str] = field(default_factory=list)
    blocked_by: list[Finding] = field(default_factory=list)  # why nothing was written


@dataclass
class DiffResult:
    ref: str
    changes: list[VerdictChange]
    before_method: str
    after_method: str
