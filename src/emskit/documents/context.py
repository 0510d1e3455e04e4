"""What the document builders read: the repository, the as-of date, the computed results
(significance, gap, readiness, calendar) and the git history, each computed once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from emskit.analysis import Analysis
from emskit.clauses.assessment import ClauseResult, assess
from emskit.documents.labels import Labels
from emskit.repo.document_history import UNKNOWN, DocumentHistories
from emskit.repo.repository import Record, Repository


@dataclass
class PackContext:
    repo: Repository
    as_of: dt.date
    commit: str | None = None  # the commit the pack is built from; None outside git
    # The controlled documents' approvals and changes in git, read once (by document file).
    history: DocumentHistories = UNKNOWN

    @cached_property
    def labels(self) -> Labels:
        return Labels(self.repo.config.ems.language if self.repo.config else "en")

    @cached_property
    def analysis(self) -> Analysis:
        return Analysis(self.repo, self.as_of, histories=self.history)

    @cached_property
    def gap(self) -> list[ClauseResult]:
        return assess(self.analysis)

    @cached_property
    def readiness(self) -> list[Any]:
        from emskit.certification.readiness import readiness

        return readiness(self.analysis)

    @cached_property
    def readings_by_indicator(self) -> dict[str, list[Any]]:
        """Readings up to the as-of date, per indicator, oldest first (objectives, monitoring)."""
        out: dict[str, list[Any]] = {}
        for reading in sorted(self.repo.readings, key=lambda r: r.date):
            if reading.date <= self.as_of:
                out.setdefault(reading.indicator, []).append(reading)
        return out

    def records(self, kind: str) -> list[Record]:
        return sorted(self.analysis.records(kind), key=lambda r: r.id)

    def special_positions(self) -> list[tuple[Record, Record]]:
        """(person, requirement) for each person in a role with a special-position requirement."""
        special = [r for r in self.records("competence-requirement") if r.model.special_position]
        return [
            (person, requirement)
            for person in self.records("person")
            for requirement in special
            if requirement.model.role in person.model.roles
        ]

    def text(self, value: Any) -> str:
        return self.labels.text(value)

    def name_of(self, ref: str | None) -> str:
        """A person or role id as its name, for documents people read."""
        if not ref:
            return ""
        for record in self.analysis.index.resolve(ref):
            model = record.model
            return self.text(getattr(model, "name", None) or getattr(model, "title", None) or ref)
        return ref
