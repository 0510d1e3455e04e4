"""What emskit check returns: the findings of one run, settled, located and sorted."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from emskit.finding import Finding, Severity
from emskit.rule import Rule
from emskit.rules import RULES


@dataclass
class CheckResult:
    root: Path
    as_of: dt.date
    edition: str
    findings: list[Finding]
    rules: tuple[Rule, ...] = field(default=RULES)

    def counts(self) -> dict[str, int]:
        tally = Counter(finding.severity for finding in self.findings)
        return {
            level.label: tally.get(level, 0)
            for level in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        }

    def failed(self, fail_on: Severity) -> bool:
        return any(finding.severity >= fail_on for finding in self.findings)
